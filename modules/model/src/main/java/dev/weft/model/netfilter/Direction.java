package dev.weft.model.netfilter;

import java.util.Locale;

/** Which packet address (and port) a match dimension reads. */
public enum Direction {
  SRC,
  DST;

  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }
}
