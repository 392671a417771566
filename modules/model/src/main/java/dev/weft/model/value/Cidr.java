package dev.weft.model.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import inet.ipaddr.IPAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An IP prefix whose host bits are zero, such as {@code 10.0.0.0/24} or {@code fd00::/64}. Text with host
 * bits set is rejected by {@link #parse} (a subnet written as {@code 10.0.0.5/24} is usually a mistake)
 * and accepted, masked, by {@link #parseLenient}.
 */
public record Cidr(IpAddress network, int prefixLength) implements Comparable<Cidr> {

  private static final String EXPECTED = "a prefix like 10.0.0.0/24 or fd00::/64";

  public Cidr {
    int bits = network.family().bits();
    if (prefixLength < 0 || prefixLength > bits) {
      throw new InvalidValueException("CIDR", network + "/" + prefixLength, "a prefix length from 0 to " + bits);
    }
    if (!network.masked(prefixLength).equals(network)) {
      throw new InvalidValueException(
          "CIDR", network + "/" + prefixLength,
          "no host bits set after /" + prefixLength + " (did you mean " + network.masked(prefixLength) + "/" + prefixLength + "?)");
    }
  }

  @JsonCreator
  public static Cidr parse(String text) {
    InterfaceAddress withHost = parseParts(text);
    return new Cidr(withHost.address(), withHost.prefixLength());
  }

  /** Like {@link #parse} but clears host bits, as the kernel and most tools do. */
  public static Cidr parseLenient(String text) {
    InterfaceAddress withHost = parseParts(text);
    return withHost.subnet();
  }

  /** The single-address prefix (/32 or /128) of {@code address}. */
  public static Cidr host(IpAddress address) {
    return new Cidr(address, address.family().bits());
  }

  /** The prefix of length {@code prefixLength} that contains {@code address}. */
  public static Cidr containing(IpAddress address, int prefixLength) {
    return new Cidr(address.masked(prefixLength), prefixLength);
  }

  /** The whole address space of a family: 0.0.0.0/0 or ::/0. */
  public static Cidr all(IpFamily family) {
    return new Cidr(new IpAddress(family, 0, 0), 0);
  }

  private static InterfaceAddress parseParts(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new InvalidValueException("CIDR", text, EXPECTED + " (the /length is missing)");
    }
    IpAddress address;
    try {
      address = IpAddress.parse(text.substring(0, slash));
    } catch (InvalidValueException e) {
      throw new InvalidValueException("CIDR", text, EXPECTED);
    }
    String len = text.substring(slash + 1);
    int bits = address.family().bits();
    if (len.isEmpty() || len.length() > 3 || !len.chars().allMatch(Character::isDigit)
        || (len.length() > 1 && len.charAt(0) == '0') || Integer.parseInt(len) > bits) {
      throw new InvalidValueException("CIDR", text, "a prefix length from 0 to " + bits);
    }
    return new InterfaceAddress(address, Integer.parseInt(len));
  }

  public IpFamily family() {
    return network.family();
  }

  public boolean contains(IpAddress address) {
    return address.family() == family() && address.masked(prefixLength).equals(network);
  }

  public boolean contains(Cidr other) {
    return other.family() == family() && other.prefixLength >= prefixLength && contains(other.network);
  }

  public boolean overlaps(Cidr other) {
    return contains(other) || other.contains(this);
  }

  /** Number of addresses covered, 2^(bits − length). */
  public BigInteger size() {
    return BigInteger.ONE.shiftLeft(family().bits() - prefixLength);
  }

  /** The first address (the network address). */
  public IpAddress first() {
    return network;
  }

  /** The last address (the IPv4 broadcast address). */
  public IpAddress last() {
    return IpAddress.fromBigInteger(family(), network.toBigInteger().add(size()).subtract(BigInteger.ONE));
  }

  /** The address at {@code offset} from the start, or empty past the end. */
  public Optional<IpAddress> addressAt(BigInteger offset) {
    if (offset.signum() < 0 || offset.compareTo(size()) >= 0) {
      return Optional.empty();
    }
    return Optional.of(IpAddress.fromBigInteger(family(), network.toBigInteger().add(offset)));
  }

  public Optional<IpAddress> addressAt(long offset) {
    return addressAt(BigInteger.valueOf(offset));
  }

  /** The sub-prefixes of length {@code newLength}, in address order; at most {@code limit} of them. */
  public List<Cidr> subnets(int newLength, int limit) {
    if (newLength < prefixLength || newLength > family().bits()) {
      throw new IllegalArgumentException("cannot split /" + prefixLength + " into /" + newLength);
    }
    List<Cidr> out = new ArrayList<>();
    BigInteger step = BigInteger.ONE.shiftLeft(family().bits() - newLength);
    BigInteger at = network.toBigInteger();
    BigInteger end = at.add(size());
    while (at.compareTo(end) < 0 && out.size() < limit) {
      out.add(new Cidr(IpAddress.fromBigInteger(family(), at), newLength));
      at = at.add(step);
    }
    return out;
  }

  /** The prefixes that cover this one minus {@code holes}: what an ipBlock with except allows. */
  public List<Cidr> subtract(List<Cidr> holes) {
    List<IPAddress> remaining = List.of(toLibrary());
    for (Cidr hole : holes) {
      if (hole.family() != family()) {
        continue;
      }
      List<IPAddress> next = new ArrayList<>();
      for (IPAddress piece : remaining) {
        IPAddress[] left = piece.subtract(hole.toLibrary());
        if (left != null) {
          next.addAll(List.of(left));
        }
      }
      remaining = next;
    }
    List<Cidr> out = new ArrayList<>();
    for (IPAddress piece : remaining) {
      for (IPAddress block : piece.spanWithPrefixBlocks()) {
        out.add(new Cidr(IpAddress.fromBytes(block.getLower().getBytes()), block.getPrefixLength()));
      }
    }
    out.sort(null);
    return out;
  }

  /** The seancfoley ipaddress prefix block, for set arithmetic. */
  public IPAddress toLibrary() {
    return network.toLibrary().setPrefixLength(prefixLength, false).toPrefixBlock();
  }

  @Override
  public int compareTo(Cidr other) {
    int c = network.compareTo(other.network);
    return c != 0 ? c : Integer.compare(prefixLength, other.prefixLength);
  }

  @JsonValue
  @Override
  public String toString() {
    return network + "/" + prefixLength;
  }
}
