package dev.weft.model.value;

/** Strict decimal parsing shared by the numeric values: digits only, no sign, no leading zeros. */
final class Numbers {
  private Numbers() {}

  static int parseBounded(String kind, String text, int min, int max) {
    String expected = "a number from " + min + " to " + max;
    if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
        || (text.length() > 1 && text.charAt(0) == '0')) {
      throw new InvalidValueException(kind, text, expected);
    }
    long v = Long.parseLong(text);
    if (v < min || v > max) {
      throw new InvalidValueException(kind, text, expected);
    }
    return (int) v;
  }
}
