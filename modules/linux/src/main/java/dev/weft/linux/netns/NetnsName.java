package dev.weft.linux.netns;

import dev.weft.model.value.InvalidValueException;

/**
 * The name of a namespace under {@code /run/netns}: what {@code ip netns add NAME} accepts, i.e. a
 * single path component of 1 to 255 bytes, not "." or "..", without '/' or NUL.
 */
public record NetnsName(String value) implements Comparable<NetnsName> {
  private static final String EXPECTED = "1 to 255 characters without '/' or NUL, and not '.' or '..'";

  public NetnsName {
    if (value.isEmpty() || value.length() > 255 || value.equals(".") || value.equals("..")
        || value.indexOf('/') >= 0 || value.indexOf('\0') >= 0 || value.isBlank()) {
      throw new InvalidValueException("namespace name", value, EXPECTED);
    }
  }

  public static NetnsName of(String value) {
    return new NetnsName(value);
  }

  @Override
  public int compareTo(NetnsName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
