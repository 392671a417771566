package dev.weft.netfilter.eval;

/** The transport header fields netfilter matches read. */
public sealed interface L4 {
  /** TCP, UDP, UDP-Lite, SCTP or DCCP ports. */
  record Ports(int src, int dst) implements L4 {
    public Ports {
      if (src < 0 || src > 65535 || dst < 0 || dst > 65535) {
        throw new IllegalArgumentException("ports must be 0..65535: " + src + ", " + dst);
      }
    }
  }

  /** ICMP type and code. */
  record Icmp(int type, int code) implements L4 {
    public Icmp {
      if (type < 0 || type > 255 || code < 0 || code > 255) {
        throw new IllegalArgumentException("ICMP type and code must be 0..255: " + type + "/" + code);
      }
    }
  }

  /** Any other protocol: nothing beyond the IP header is matched. */
  record None() implements L4 {}
}
