package dev.weft.model.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An address assigned to an interface together with its prefix length, as in {@code ip addr add
 * 10.0.0.5/24}. Unlike {@link Cidr}, host bits are the point.
 */
public record InterfaceAddress(IpAddress address, int prefixLength) implements Comparable<InterfaceAddress> {

  public InterfaceAddress {
    int bits = address.family().bits();
    if (prefixLength < 0 || prefixLength > bits) {
      throw new InvalidValueException(
          "interface address", address + "/" + prefixLength, "a prefix length from 0 to " + bits);
    }
  }

  /** Parses {@code ADDRESS/LEN}; a bare address gets /32 or /128. */
  @JsonCreator
  public static InterfaceAddress parse(String text) {
    if (text.indexOf('/') < 0) {
      IpAddress address;
      try {
        address = IpAddress.parse(text);
      } catch (InvalidValueException e) {
        throw new InvalidValueException("interface address", text, "an address with a prefix like 10.0.0.5/24");
      }
      return new InterfaceAddress(address, address.family().bits());
    }
    try {
      Cidr probe = Cidr.parseLenient(text);
      int slash = text.indexOf('/');
      return new InterfaceAddress(IpAddress.parse(text.substring(0, slash)), probe.prefixLength());
    } catch (InvalidValueException e) {
      throw new InvalidValueException("interface address", text, "an address with a prefix like 10.0.0.5/24");
    }
  }

  /** The connected subnet, such as 10.0.0.0/24 for 10.0.0.5/24. */
  public Cidr subnet() {
    return Cidr.containing(address, prefixLength);
  }

  public IpFamily family() {
    return address.family();
  }

  @Override
  public int compareTo(InterfaceAddress other) {
    int c = address.compareTo(other.address);
    return c != 0 ? c : Integer.compare(prefixLength, other.prefixLength);
  }

  @JsonValue
  @Override
  public String toString() {
    return address + "/" + prefixLength;
  }
}
