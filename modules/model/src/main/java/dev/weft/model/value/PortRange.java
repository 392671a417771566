package dev.weft.model.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An inclusive range of TCP/UDP/SCTP ports, {@code first..last} within 0..65535. Written {@code 80} or
 * {@code 8000-8080}; {@link #parse} also takes iptables' {@code 8000:8080}.
 */
public record PortRange(int first, int last) implements Comparable<PortRange> {
  public static final int MAX_PORT = 65535;
  public static final PortRange ALL = new PortRange(0, MAX_PORT);

  public PortRange {
    if (first < 0 || last > MAX_PORT || first > last) {
      throw new InvalidValueException(
          "port range", first + "-" + last, "ports from 0 to 65535 with first <= last");
    }
  }

  public static PortRange single(int port) {
    return new PortRange(port, port);
  }

  @JsonCreator
  public static PortRange parse(String text) {
    int sep = Math.max(text.indexOf('-'), text.indexOf(':'));
    try {
      if (sep < 0) {
        return single(Numbers.parseBounded("port", text, 0, MAX_PORT));
      }
      int a = Numbers.parseBounded("port", text.substring(0, sep), 0, MAX_PORT);
      int b = Numbers.parseBounded("port", text.substring(sep + 1), 0, MAX_PORT);
      return new PortRange(a, b);
    } catch (InvalidValueException e) {
      throw new InvalidValueException("port range", text, "a port like 80 or a range like 8000-8080 within 0..65535");
    }
  }

  public boolean contains(int port) {
    return port >= first && port <= last;
  }

  public boolean contains(PortRange other) {
    return other.first >= first && other.last <= last;
  }

  public boolean overlaps(PortRange other) {
    return first <= other.last && other.first <= last;
  }

  public boolean isSingle() {
    return first == last;
  }

  public int size() {
    return last - first + 1;
  }

  @Override
  public int compareTo(PortRange other) {
    int c = Integer.compare(first, other.first);
    return c != 0 ? c : Integer.compare(last, other.last);
  }

  @JsonValue
  @Override
  public String toString() {
    return isSingle() ? Integer.toString(first) : first + "-" + last;
  }
}
