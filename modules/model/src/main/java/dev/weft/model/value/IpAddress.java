package dev.weft.model.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Comparator;

/**
 * One IPv4 or IPv6 address, without a prefix. Stored as two longs so that it is cheap to hash, compare
 * and mask; IPv4 uses the low 32 bits of {@code low} and {@code high == 0}.
 */
public record IpAddress(IpFamily family, long high, long low) implements Comparable<IpAddress> {

  private static final String EXPECTED = "an IPv4 address like 10.0.0.1 or an IPv6 address like fd00::1";

  private static final Comparator<IpAddress> ORDER =
      Comparator.comparing(IpAddress::family)
          .thenComparing(IpAddress::high, Long::compareUnsigned)
          .thenComparing(IpAddress::low, Long::compareUnsigned);

  public IpAddress {
    if (family == IpFamily.IPV4 && (high != 0 || (low >>> 32) != 0)) {
      throw new InvalidValueException("IPv4 address", Long.toHexString(low), "a 32-bit value");
    }
  }

  /** Parses canonical or shortened text; rejects prefixes, zones, octal and other inet_aton forms. */
  @JsonCreator
  public static IpAddress parse(String text) {
    IpAddress v4 = parseIpv4OrNull(text);
    if (v4 != null) {
      return v4;
    }
    if (text.indexOf(':') < 0) {
      throw new InvalidValueException("IP address", text, EXPECTED);
    }
    IPAddress parsed = new IPAddressString(text, Ipv6Parser.STRICT).getAddress();
    if (parsed == null || !parsed.isIPv6() || parsed.getPrefixLength() != null) {
      throw new InvalidValueException("IP address", text, EXPECTED);
    }
    return fromBytes(parsed.getBytes());
  }

  /** An IPv4 address from its 32-bit value. */
  public static IpAddress ipv4(int value) {
    return new IpAddress(IpFamily.IPV4, 0, Integer.toUnsignedLong(value));
  }

  /** An IPv6 address from its two 64-bit halves. */
  public static IpAddress ipv6(long high, long low) {
    return new IpAddress(IpFamily.IPV6, high, low);
  }

  /** From network-order bytes: 4 for IPv4, 16 for IPv6. */
  public static IpAddress fromBytes(byte[] bytes) {
    if (bytes.length == 4) {
      return ipv4(
          ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff));
    }
    if (bytes.length == 16) {
      long hi = 0;
      long lo = 0;
      for (int i = 0; i < 8; i++) {
        hi = (hi << 8) | (bytes[i] & 0xff);
        lo = (lo << 8) | (bytes[i + 8] & 0xff);
      }
      return ipv6(hi, lo);
    }
    throw new InvalidValueException("IP address", bytes.length + " bytes", "4 or 16 bytes");
  }

  /** From an unsigned integer value of the family's width. */
  public static IpAddress fromBigInteger(IpFamily family, BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > family.bits()) {
      throw new InvalidValueException("IP address", value.toString(), "a value that fits " + family.bits() + " bits");
    }
    if (family == IpFamily.IPV4) {
      return ipv4(value.intValue());
    }
    return ipv6(value.shiftRight(64).longValue(), value.longValue());
  }

  public boolean isIpv4() {
    return family == IpFamily.IPV4;
  }

  /** The 32-bit value of an IPv4 address. */
  public int ipv4Value() {
    if (!isIpv4()) {
      throw new IllegalStateException("not an IPv4 address: " + this);
    }
    return (int) low;
  }

  /** Network-order bytes. */
  public byte[] toBytes() {
    if (isIpv4()) {
      int v = (int) low;
      return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
    byte[] out = new byte[16];
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (high >>> (56 - 8 * i));
      out[i + 8] = (byte) (low >>> (56 - 8 * i));
    }
    return out;
  }

  public BigInteger toBigInteger() {
    return new BigInteger(1, toBytes());
  }

  /** The address moved by {@code delta}, or empty when that leaves the address space. */
  public java.util.Optional<IpAddress> plus(long delta) {
    BigInteger next = toBigInteger().add(BigInteger.valueOf(delta));
    if (next.signum() < 0 || next.bitLength() > family.bits()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(fromBigInteger(family, next));
  }

  /** The address with every bit past {@code prefixLength} cleared. */
  public IpAddress masked(int prefixLength) {
    if (isIpv4()) {
      long mask = prefixLength == 0 ? 0 : (0xffffffffL << (32 - prefixLength)) & 0xffffffffL;
      return new IpAddress(family, 0, low & mask);
    }
    long hiMask = prefixLength >= 64 ? -1L : prefixLength == 0 ? 0 : -1L << (64 - prefixLength);
    long loMask = prefixLength <= 64 ? 0 : prefixLength == 128 ? -1L : -1L << (128 - prefixLength);
    return new IpAddress(family, high & hiMask, low & loMask);
  }

  /** The seancfoley ipaddress form, for set arithmetic. */
  public IPAddress toLibrary() {
    return isIpv4() ? new IPv4Address(toBytes()) : new IPv6Address(toBytes());
  }

  public InetAddress toInetAddress() {
    try {
      return InetAddress.getByAddress(toBytes());
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  public boolean isLoopback() {
    return isIpv4() ? (low >>> 24) == 127 : high == 0 && low == 1;
  }

  public boolean isUnspecified() {
    return high == 0 && low == 0;
  }

  /** Deterministic across runs (no enum identity hash) and well mixed for sequential addresses. */
  @Override
  public int hashCode() {
    long h = (high * 0x9E3779B97F4A7C15L) ^ low ^ ((long) family.ordinal() << 63);
    h *= 0xBF58476D1CE4E5B9L;
    return (int) (h ^ (h >>> 32));
  }

  @Override
  public int compareTo(IpAddress other) {
    return ORDER.compare(this, other);
  }

  /** Dotted quad for IPv4; RFC 5952 text for IPv6. */
  @JsonValue
  @Override
  public String toString() {
    return isIpv4() ? formatIpv4((int) low) : formatIpv6(high, low);
  }

  private static IpAddress parseIpv4OrNull(String text) {
    int n = text.length();
    if (n < 7 || n > 15) {
      return null;
    }
    int value = 0;
    int octets = 0;
    int i = 0;
    while (i < n) {
      int start = i;
      int octet = 0;
      while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        octet = octet * 10 + (text.charAt(i) - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || digits > 3 || octet > 255 || (digits > 1 && text.charAt(start) == '0')) {
        return digitsOnlyDotted(text) ? invalid(text) : null;
      }
      value = (value << 8) | octet;
      octets++;
      if (i < n) {
        if (text.charAt(i) != '.' || octets == 4) {
          return null;
        }
        i++;
        if (i == n) {
          return invalid(text);
        }
      }
    }
    return octets == 4 ? ipv4(value) : invalid(text);
  }

  private static boolean digitsOnlyDotted(String text) {
    return text.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
  }

  private static IpAddress invalid(String text) {
    throw new InvalidValueException("IP address", text, EXPECTED);
  }

  private static String formatIpv4(int v) {
    return (v >>> 24) + "." + ((v >>> 16) & 0xff) + "." + ((v >>> 8) & 0xff) + "." + (v & 0xff);
  }

  private static String formatIpv6(long hi, long lo) {
    int[] groups = new int[8];
    for (int i = 0; i < 4; i++) {
      groups[i] = (int) (hi >>> (48 - 16 * i)) & 0xffff;
      groups[i + 4] = (int) (lo >>> (48 - 16 * i)) & 0xffff;
    }
    // RFC 5952: compress the longest run (first on ties) of two or more zero groups.
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(groups[i]));
    }
    return sb.toString();
  }

  /**
   * The library's strict parser settings, built on first IPv6 parse: its static set-up costs tens of
   * milliseconds, which a CNI plugin exec'd per pod should not pay for IPv4 work.
   */
  private static final class Ipv6Parser {
    static final IPAddressStringParameters STRICT =
      new IPAddressStringParameters.Builder()
            .allowEmpty(false)
            .allowAll(false)
            .allowPrefix(false)
            .allowMask(false)
            .allowSingleSegment(false)
            .allowWildcardedSeparator(false)
            .getIPv4AddressParametersBuilder()
            .allow_inet_aton(false)
            .allowLeadingZeros(false)
            .getParentBuilder()
            .getIPv6AddressParametersBuilder()
            .allowZone(false)
            .allowLeadingZeros(true)
            .getParentBuilder()
            .toParams();
  }
}
