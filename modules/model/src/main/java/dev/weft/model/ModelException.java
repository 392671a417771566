package dev.weft.model;

/**
 * A model that breaks its own invariants (a dangling reference, a veth with two peers). Parsers check
 * user input before building, so this signals a bug in a parser rather than bad input.
 */
public final class ModelException extends IllegalArgumentException {
  public ModelException(String message) {
    super(message);
  }
}
