package dev.weft.model.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A link MTU in bytes, from 68 (the IPv4 minimum) to 65536 (Linux loopback). */
public record Mtu(int value) implements Comparable<Mtu> {
  public static final int MIN = 68;
  public static final int MAX = 65536;
  public static final Mtu ETHERNET = new Mtu(1500);
  public static final Mtu LOOPBACK = new Mtu(MAX);

  public Mtu {
    if (value < MIN || value > MAX) {
      throw new InvalidValueException("MTU", Integer.toString(value), "a number from " + MIN + " to " + MAX);
    }
  }

  @JsonCreator
  public static Mtu of(int value) {
    return new Mtu(value);
  }

  public static Mtu parse(String text) {
    return new Mtu(Numbers.parseBounded("MTU", text, MIN, MAX));
  }

  /** This MTU less an encapsulation overhead, such as 50 for VXLAN over IPv4. */
  public Mtu minus(int overhead) {
    return new Mtu(value - overhead);
  }

  @Override
  public int compareTo(Mtu other) {
    return Integer.compare(value, other.value);
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
