package dev.weft.document;

import java.util.Locale;

/** How bad a diagnostic is: an ERROR makes the input invalid; a WARNING does not. */
public enum Severity {
  ERROR,
  WARNING;

  /** The word printed in the text form: {@code error} or {@code warning}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
