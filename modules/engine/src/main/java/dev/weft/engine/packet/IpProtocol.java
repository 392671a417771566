package dev.weft.engine.packet;

/** IP protocol numbers (IANA) that weft encodes. */
public final class IpProtocol {
  public static final int ICMP = 1;
  public static final int TCP = 6;
  public static final int UDP = 17;
  public static final int GRE = 47;
  public static final int ICMPV6 = 58;

  private IpProtocol() {}

  public static String name(int protocol) {
    return switch (protocol) {
      case ICMP -> "icmp";
      case TCP -> "tcp";
      case UDP -> "udp";
      case GRE -> "gre";
      case ICMPV6 -> "icmp6";
      default -> "proto-" + protocol;
    };
  }
}
