package dev.weft.document;

import java.util.Locale;

/** The syntaxes a document can be written in. JSON is read by its own parser for exact positions. */
public enum DocumentFormat {
  YAML,
  JSON;

  /** JSON for {@code *.json} files, YAML for everything else (YAML is a superset of JSON anyway). */
  public static DocumentFormat forFileName(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
  }
}
