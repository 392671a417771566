package dev.weft.model.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A 24-bit VXLAN network identifier (RFC 7348), 0 to 16777215. */
public record Vni(int value) {
  public static final int MAX = (1 << 24) - 1;

  public Vni {
    if (value < 0 || value > MAX) {
      throw new InvalidValueException("VNI", Integer.toString(value), "a number from 0 to " + MAX);
    }
  }

  @JsonCreator
  public static Vni of(int value) {
    return new Vni(value);
  }

  public static Vni parse(String text) {
    return new Vni(Numbers.parseBounded("VNI", text, 0, MAX));
  }

  @JsonValue
  public int jsonValue() {
    return value;
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
