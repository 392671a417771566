package dev.weft.netfilter.save;

import dev.weft.model.netfilter.Match;
import java.util.Map;

/** {@code --icmp-type} values: {@code any}, {@code type[/code]} or the names libxt_icmp knows. */
final class IcmpTypes {
  private static final Map<String, int[]> NAMES = Map.ofEntries(
      Map.entry("echo-reply", new int[] {0}), Map.entry("pong", new int[] {0}),
      Map.entry("destination-unreachable", new int[] {3}), Map.entry("network-unreachable", new int[] {3, 0}),
      Map.entry("host-unreachable", new int[] {3, 1}), Map.entry("protocol-unreachable", new int[] {3, 2}),
      Map.entry("port-unreachable", new int[] {3, 3}), Map.entry("fragmentation-needed", new int[] {3, 4}),
      Map.entry("source-route-failed", new int[] {3, 5}), Map.entry("network-unknown", new int[] {3, 6}),
      Map.entry("host-unknown", new int[] {3, 7}), Map.entry("network-prohibited", new int[] {3, 9}),
      Map.entry("host-prohibited", new int[] {3, 10}), Map.entry("TOS-network-unreachable", new int[] {3, 11}),
      Map.entry("TOS-host-unreachable", new int[] {3, 12}), Map.entry("communication-prohibited", new int[] {3, 13}),
      Map.entry("host-precedence-violation", new int[] {3, 14}), Map.entry("precedence-cutoff", new int[] {3, 15}),
      Map.entry("source-quench", new int[] {4}), Map.entry("redirect", new int[] {5}),
      Map.entry("network-redirect", new int[] {5, 0}), Map.entry("host-redirect", new int[] {5, 1}),
      Map.entry("TOS-network-redirect", new int[] {5, 2}), Map.entry("TOS-host-redirect", new int[] {5, 3}),
      Map.entry("echo-request", new int[] {8}), Map.entry("ping", new int[] {8}),
      Map.entry("router-advertisement", new int[] {9}), Map.entry("router-solicitation", new int[] {10}),
      Map.entry("time-exceeded", new int[] {11}), Map.entry("ttl-exceeded", new int[] {11}),
      Map.entry("ttl-zero-during-transit", new int[] {11, 0}), Map.entry("ttl-zero-during-reassembly", new int[] {11, 1}),
      Map.entry("parameter-problem", new int[] {12}), Map.entry("ip-header-bad", new int[] {12, 0}),
      Map.entry("required-option-missing", new int[] {12, 1}), Map.entry("timestamp-request", new int[] {13}),
      Map.entry("timestamp-reply", new int[] {14}), Map.entry("address-mask-request", new int[] {17}),
      Map.entry("address-mask-reply", new int[] {18}));
  private static final String EXPECTED = "any, a type such as 8, type/code such as 3/4, or a name such as echo-request";

  private IcmpTypes() {}

  static Match.IcmpType parse(Token t) {
    String text = t.text();
    if (text.equals("any")) {
      return Match.IcmpType.of(Match.IcmpType.ANY);
    }
    int[] named = NAMES.get(text);
    if (named != null) {
      return named.length == 1 ? Match.IcmpType.of(named[0]) : Match.IcmpType.of(named[0], named[1]);
    }
    int slash = text.indexOf('/');
    if (slash < 0) {
      return Match.IcmpType.of(Values.number(t, text, 0, 255, EXPECTED));
    }
    return Match.IcmpType.of(Values.number(t, text.substring(0, slash), 0, 255, EXPECTED),
        Values.number(t, text.substring(slash + 1), 0, 255, EXPECTED));
  }
}
