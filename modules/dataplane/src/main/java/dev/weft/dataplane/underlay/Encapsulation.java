package dev.weft.dataplane.underlay;

/** What an underlay socket carries. */
public enum Encapsulation {
  /** RFC 7348: an 8-byte VXLAN header and an Ethernet frame; IANA port 4789. */
  VXLAN(4789),
  /** RFC 8086: a GRE header (key per RFC 2890) and its payload in UDP; IANA port 4754. */
  GRE_IN_UDP(4754);

  private final int defaultPort;

  Encapsulation(int defaultPort) {
    this.defaultPort = defaultPort;
  }

  public int defaultPort() {
    return defaultPort;
  }

  /** The label in port names and metrics. */
  public String label() {
    return this == VXLAN ? "vxlan" : "gre-in-udp";
  }
}
