package dev.weft.document;

/** The type a scalar was resolved to (YAML 1.2 core schema, or JSON). */
public enum ScalarKind {
  STRING("a string"),
  INT("an integer"),
  FLOAT("a number"),
  BOOL("a boolean"),
  NULL("null");

  private final String description;

  ScalarKind(String description) {
    this.description = description;
  }

  /** With an article, for messages: "a string", "an integer". */
  public String description() {
    return description;
  }
}
