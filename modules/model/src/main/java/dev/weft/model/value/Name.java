package dev.weft.model.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The name of a topology object (host, namespace, bridge, overlay, network): 1 to 63 characters,
 * letters, digits, '-', '_' and '.', starting with a letter or digit. Names become parts of netns and
 * file names on deploy, so they are kept portable.
 */
public record Name(String value) implements Comparable<Name> {
  public static final int MAX_LENGTH = 63;

  public Name {
    boolean ok = !value.isEmpty() && value.length() <= MAX_LENGTH && Character.isLetterOrDigit(value.charAt(0));
    for (int i = 0; ok && i < value.length(); i++) {
      char c = value.charAt(i);
      ok = c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
    }
    if (!ok) {
      throw new InvalidValueException(
          "name", value, "1 to 63 letters, digits, '-', '_' or '.', starting with a letter or digit");
    }
  }

  @JsonCreator
  public static Name of(String value) {
    return new Name(value);
  }

  @Override
  public int compareTo(Name other) {
    return value.compareTo(other.value);
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
