package dev.weft.sim;

import java.util.Locale;

/** The transport of a traced packet. ICMP means an echo request (ICMPv6 for an IPv6 destination). */
public enum Protocol {
  TCP, UDP, ICMP;

  /** Parses tcp, udp or icmp in any case. */
  public static Protocol parse(String text) {
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown protocol '" + text + "': expected tcp, udp or icmp");
    }
  }

  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }
}
