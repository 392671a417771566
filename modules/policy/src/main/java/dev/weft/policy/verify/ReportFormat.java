package dev.weft.policy.verify;

import java.util.Locale;
import java.util.Optional;

/** Output formats of {@code weft verify list} (and, where they make sense, of the other commands). */
public enum ReportFormat {
  TEXT,
  JSON,
  CSV,
  MARKDOWN,
  DOT;

  public static Optional<ReportFormat> parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    if (t.equals("MD")) {
      return Optional.of(MARKDOWN);
    }
    for (ReportFormat f : values()) {
      if (f.name().equals(t)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
