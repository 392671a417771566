package dev.weft.document;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The class of a problem, stable across releases so that tools and tests can match on it. Each parser
 * declares its own kinds (usually as an enum); {@link DocumentProblem} holds the ones every parser shares.
 */
public interface DiagnosticKind {

  /** A short kebab-case id such as {@code unknown-key}; the JSON form of the kind. */
  @JsonValue
  String id();
}
