package dev.weft.model.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;

/**
 * A Linux network interface name, checked as the kernel's {@code dev_valid_name} does: 1 to 15 bytes
 * (IFNAMSIZ − 1), no '/', ':' or whitespace, and not "." or "..".
 */
public record InterfaceName(String value) implements Comparable<InterfaceName> {
  public static final int MAX_BYTES = 15;
  private static final String EXPECTED = "1 to 15 bytes without '/', ':' or whitespace, and not '.' or '..'";

  public InterfaceName {
    int bytes = value.getBytes(StandardCharsets.UTF_8).length;
    if (bytes == 0 || bytes > MAX_BYTES || value.equals(".") || value.equals("..")) {
      throw new InvalidValueException(
          "interface name", value, bytes > MAX_BYTES ? "at most 15 bytes (it has " + bytes + ")" : EXPECTED);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '/' || c == ':' || c == 0 || Character.isWhitespace(c)) {
        throw new InvalidValueException("interface name", value, EXPECTED);
      }
    }
  }

  @JsonCreator
  public static InterfaceName of(String value) {
    return new InterfaceName(value);
  }

  @Override
  public int compareTo(InterfaceName other) {
    return value.compareTo(other.value);
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
