package dev.weft.model.value;

/**
 * A piece of text or a number that is not a valid value of its kind. Carries what was given and what was
 * expected, so that parsers can turn it into a located diagnostic.
 */
public final class InvalidValueException extends IllegalArgumentException {
  private final String kind;
  private final String input;
  private final String expected;

  public InvalidValueException(String kind, String input, String expected) {
    super("invalid " + kind + " '" + input + "': expected " + expected);
    this.kind = kind;
    this.input = input;
    this.expected = expected;
  }

  /** The kind of value, such as "CIDR" or "MAC address". */
  public String kind() {
    return kind;
  }

  /** The rejected text, as given. */
  public String input() {
    return input;
  }

  /** What a valid value looks like, in words. */
  public String expected() {
    return expected;
  }
}
