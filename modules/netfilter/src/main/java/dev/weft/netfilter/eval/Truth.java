package dev.weft.netfilter.eval;

/**
 * The value of a match for one packet. MAYBE is a sampling match (statistic, limit) that can go either
 * way; UNKNOWN is a match weft does not interpret or cannot decide with what it knows.
 */
public enum Truth {
  FALSE,
  TRUE,
  MAYBE,
  UNKNOWN;

  public Truth not() {
    return switch (this) {
      case FALSE -> TRUE;
      case TRUE -> FALSE;
      default -> this;
    };
  }

  static Truth of(boolean b) {
    return b ? TRUE : FALSE;
  }
}
