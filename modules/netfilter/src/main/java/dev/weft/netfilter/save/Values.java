package dev.weft.netfilter.save;

import dev.weft.model.netfilter.AddressType;
import dev.weft.model.netfilter.ConnState;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InvalidValueException;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.PortRange;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Parsers for the values iptables options take, each reporting a located error on bad text. */
final class Values {
  private Values() {}

  /** {@code -s}/{@code -d}: comma-separated addresses or prefixes; host bits are cleared, as iptables does. */
  static List<Cidr> addresses(Token t) {
    List<Cidr> out = new ArrayList<>();
    for (String part : t.text().split(",", -1)) {
      out.add(address(t, part));
    }
    return out;
  }

  private static Cidr address(Token t, String part) {
    String expected = "an IPv4 address or prefix such as 10.0.0.0/8";
    try {
      int slash = part.indexOf('/');
      if (slash < 0) {
        return Cidr.host(ipv4(t, part));
      }
      String len = part.substring(slash + 1);
      if (len.indexOf('.') >= 0) {
        int prefix = maskLength(t, len);
        return Cidr.containing(ipv4(t, part.substring(0, slash)), prefix);
      }
      Cidr c = Cidr.parseLenient(part);
      if (!c.network().isIpv4()) {
        throw new LineSyntaxException(t, "'" + part + "' is IPv6 but this is an iptables (IPv4) dump", expected);
      }
      return c;
    } catch (InvalidValueException e) {
      throw new LineSyntaxException(t, "bad address '" + part + "'", expected);
    }
  }

  static IpAddress ipv4(Token t, String text) {
    try {
      IpAddress a = IpAddress.parse(text);
      if (a.isIpv4()) {
        return a;
      }
    } catch (InvalidValueException e) {
      // reported below with the column
    }
    throw new LineSyntaxException(t, "bad IPv4 address '" + text + "'", "an IPv4 address such as 10.0.0.1");
  }

  private static int maskLength(Token t, String mask) {
    int m = ipv4(t, mask).ipv4Value();
    int len = Integer.bitCount(m);
    if (len != 32 && m != (int) (0xffffffffL << (32 - len))) {
      throw new LineSyntaxException(t, "netmask " + mask + " is not contiguous", "a prefix length or a contiguous netmask");
    }
    return len;
  }

  /** A port or iptables range {@code a:b}, {@code a:} (to 65535) or {@code :b} (from 0). */
  static PortRange portRange(Token t, String text) {
    String expected = "a port from 0 to 65535 or a range like 1000:2000";
    int colon = text.indexOf(':');
    if (colon < 0) {
      colon = text.indexOf('-');
    }
    if (colon < 0) {
      return PortRange.single(number(t, text, 0, 65535, expected));
    }
    String a = text.substring(0, colon);
    String b = text.substring(colon + 1);
    int first = a.isEmpty() ? 0 : number(t, a, 0, 65535, expected);
    int last = b.isEmpty() ? 65535 : number(t, b, 0, 65535, expected);
    if (first > last) {
      throw new LineSyntaxException(t, "port range " + text + " is backwards", expected);
    }
    return new PortRange(first, last);
  }

  static List<PortRange> portList(Token t) {
    List<PortRange> out = new ArrayList<>();
    for (String part : t.text().split(",", -1)) {
      out.add(portRange(t, part));
    }
    return out;
  }

  /** Decimal, 0x-hex or 0-octal, as strtoul with base 0 reads it. */
  static long unsigned(Token t, String text, long max, String expected) {
    try {
      long v;
      if (text.startsWith("0x") || text.startsWith("0X")) {
        v = Long.parseLong(text.substring(2), 16);
      } else if (text.length() > 1 && text.startsWith("0")) {
        v = Long.parseLong(text.substring(1), 8);
      } else {
        v = Long.parseLong(text);
      }
      if (v >= 0 && v <= max && !text.startsWith("+") && !text.contains("-")) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new LineSyntaxException(t, "bad number '" + text + "'", expected);
  }

  static int number(Token t, String text, int min, int max, String expected) {
    long v = text.chars().allMatch(Character::isDigit) && !text.isEmpty() && text.length() < 11
        ? Long.parseLong(text) : -1;
    if (v < min || v > max) {
      throw new LineSyntaxException(t, "bad number '" + text + "'", expected);
    }
    return (int) v;
  }

  /** {@code value[/mask]}; the mask defaults to all ones. */
  static long[] mark(Token t) {
    String expected = "a 32-bit value with an optional mask, such as 0x4000/0x4000";
    String text = t.text();
    int slash = text.indexOf('/');
    long value = unsigned(t, slash < 0 ? text : text.substring(0, slash), 0xffff_ffffL, expected);
    long mask = slash < 0 ? 0xffff_ffffL : unsigned(t, text.substring(slash + 1), 0xffff_ffffL, expected);
    return new long[] {value, mask};
  }

  static Set<ConnState> connStates(Token t) {
    Set<ConnState> out = EnumSet.noneOf(ConnState.class);
    for (String part : t.text().split(",", -1)) {
      try {
        out.add(ConnState.valueOf(part.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new LineSyntaxException(t, "unknown conntrack state '" + part + "'",
            "a comma-separated list of INVALID, NEW, RELATED, ESTABLISHED, UNTRACKED, SNAT, DNAT");
      }
    }
    return out;
  }

  static Set<AddressType> addressTypes(Token t) {
    Set<AddressType> out = EnumSet.noneOf(AddressType.class);
    for (String part : t.text().split(",", -1)) {
      try {
        out.add(AddressType.valueOf(part.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new LineSyntaxException(t, "unknown address type '" + part + "'",
            "a comma-separated list of UNSPEC, UNICAST, LOCAL, BROADCAST, ANYCAST, MULTICAST, BLACKHOLE, "
                + "UNREACHABLE, PROHIBIT, THROW, NAT, XRESOLVE");
      }
    }
    return out;
  }

  static double probability(Token t) {
    String expected = "a probability from 0 to 1 such as 0.25";
    if (!t.text().matches("[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")) {
      throw new LineSyntaxException(t, "bad probability '" + t.text() + "'", expected);
    }
    double p = Double.parseDouble(t.text());
    if (p > 1) {
      throw new LineSyntaxException(t, "probability " + t.text() + " is above 1", expected);
    }
    return p;
  }
}
