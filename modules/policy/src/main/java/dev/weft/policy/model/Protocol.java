package dev.weft.policy.model;

import java.util.Locale;
import java.util.Optional;

/** The L4 protocols NetworkPolicy ports distinguish. SCTP is distinct from TCP: a rule for one never opens the other. */
public enum Protocol {
  TCP,
  UDP,
  SCTP;

  /** Parses {@code TCP}, {@code tcp}, {@code Tcp}…; empty when the text names no supported protocol. */
  public static Optional<Protocol> parse(String text) {
    for (Protocol p : values()) {
      if (p.name().equalsIgnoreCase(text.trim())) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The lower-case name iptables uses with {@code -p}. */
  public String iptablesName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
