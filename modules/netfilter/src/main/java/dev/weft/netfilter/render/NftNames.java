package dev.weft.netfilter.render;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * nft identifiers for chain and set names. nft 1.0 cannot quote them, so a name that is not an
 * identifier ({@code [A-Za-z_.][A-Za-z0-9/_.-]*}) or that is an nft keyword is rewritten (invalid
 * characters become '_', a numeric suffix keeps names apart); iptables names like KUBE-SVC-X or
 * cali-pro-kns.default stay as they are.
 */
final class NftNames {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_.][A-Za-z0-9/_.\\-]*");
  private static final Set<String> KEYWORDS = Set.of("accept", "drop", "reject", "return", "jump", "goto", "continue",
      "queue", "counter", "log", "limit", "meta", "ct", "ip", "ip6", "tcp", "udp", "sctp", "icmp", "fib", "numgen",
      "mark", "comment", "table", "chain", "set", "map", "type", "hook", "policy", "priority", "dnat", "snat",
      "masquerade", "redirect", "notrack", "flags", "elements", "th", "inet", "arp", "bridge", "netdev");
  private final Map<String, String> assigned = new HashMap<>();
  private final Set<String> used = new HashSet<>();

  String of(String name) {
    return assigned.computeIfAbsent(name, n -> {
      String base = IDENTIFIER.matcher(n).matches() && !KEYWORDS.contains(n.toLowerCase(java.util.Locale.ROOT))
          ? n : sanitize(n);
      String candidate = base;
      for (int i = 2; used.contains(candidate); i++) {
        candidate = base + "_" + i;
      }
      used.add(candidate);
      return candidate;
    });
  }

  /** The names that had to change, original to nft. */
  Map<String, String> renamed() {
    Map<String, String> out = new java.util.TreeMap<>();
    assigned.forEach((k, v) -> {
      if (!k.equals(v)) {
        out.put(k, v);
      }
    });
    return out;
  }

  private static String sanitize(String n) {
    StringBuilder sb = new StringBuilder();
    for (char c : n.toCharArray()) {
      sb.append(Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '.' || c == '-' || c == '/' ? c : '_');
    }
    if (sb.isEmpty() || !(Character.isLetter(sb.charAt(0)) || sb.charAt(0) == '_' || sb.charAt(0) == '.')
        || KEYWORDS.contains(sb.toString().toLowerCase(java.util.Locale.ROOT))) {
      sb.insert(0, "c_");
    }
    return sb.toString();
  }
}
