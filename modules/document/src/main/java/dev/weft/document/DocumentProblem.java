package dev.weft.document;

/** Problems found while reading a document, before any format-specific meaning is checked. */
public enum DocumentProblem implements DiagnosticKind {
  /** The file could not be read. */
  UNREADABLE("unreadable"),
  /** YAML or JSON syntax error. */
  SYNTAX("syntax"),
  /** The same key twice in one map. */
  DUPLICATE_KEY("duplicate-key"),
  /** A key the schema does not know. */
  UNKNOWN_KEY("unknown-key"),
  /** A required key is absent. */
  MISSING_KEY("missing-key"),
  /** A map where a list was expected, a string where a number was expected, and so on. */
  WRONG_TYPE("wrong-type"),
  /** The right type, but not a valid value (a bad CIDR, a number out of range). */
  INVALID_VALUE("invalid-value"),
  /** A YAML alias to an anchor that was never defined. */
  UNKNOWN_ANCHOR("unknown-anchor");

  private final String id;

  DocumentProblem(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }
}
