package dev.weft.engine.packet;

/** The EtherType values weft understands (IEEE registry). */
public final class EtherType {
  public static final int IPV4 = 0x0800;
  public static final int ARP = 0x0806;
  public static final int IPV6 = 0x86dd;
  /** Transparent Ethernet bridging: an Ethernet frame inside GRE (gretap). */
  public static final int TRANSPARENT_ETHERNET = 0x6558;

  private EtherType() {}

  public static String name(int etherType) {
    return switch (etherType) {
      case IPV4 -> "IPv4";
      case ARP -> "ARP";
      case IPV6 -> "IPv6";
      case TRANSPARENT_ETHERNET -> "TEB";
      default -> String.format("0x%04x", etherType);
    };
  }
}
