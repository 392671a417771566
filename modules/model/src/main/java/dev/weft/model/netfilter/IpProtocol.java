package dev.weft.model.netfilter;

import dev.weft.model.value.InvalidValueException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An IP protocol number, 1 to 255, as {@code -p} takes it. Number 0 ("all") is not a protocol match at
 * all, so it has no value here. Names follow iptables' built-in table and /etc/protocols.
 */
public record IpProtocol(int number) {
  public static final IpProtocol ICMP = new IpProtocol(1);
  public static final IpProtocol TCP = new IpProtocol(6);
  public static final IpProtocol UDP = new IpProtocol(17);
  public static final IpProtocol SCTP = new IpProtocol(132);

  private static final Map<String, Integer> BY_NAME = Map.ofEntries(
      Map.entry("icmp", 1), Map.entry("igmp", 2), Map.entry("ipencap", 4), Map.entry("tcp", 6),
      Map.entry("udp", 17), Map.entry("dccp", 33), Map.entry("ipv6", 41), Map.entry("gre", 47),
      Map.entry("esp", 50), Map.entry("ah", 51), Map.entry("ipv6-icmp", 58), Map.entry("icmpv6", 58),
      Map.entry("ospf", 89), Map.entry("pim", 103), Map.entry("vrrp", 112), Map.entry("sctp", 132),
      Map.entry("udplite", 136));
  private static final Map<Integer, String> NAMES = Map.ofEntries(
      Map.entry(1, "icmp"), Map.entry(2, "igmp"), Map.entry(4, "ipencap"), Map.entry(6, "tcp"),
      Map.entry(17, "udp"), Map.entry(33, "dccp"), Map.entry(41, "ipv6"), Map.entry(47, "gre"),
      Map.entry(50, "esp"), Map.entry(51, "ah"), Map.entry(58, "ipv6-icmp"), Map.entry(89, "ospf"),
      Map.entry(103, "pim"), Map.entry(112, "vrrp"), Map.entry(132, "sctp"), Map.entry(136, "udplite"));

  public IpProtocol {
    if (number < 1 || number > 255) {
      throw new InvalidValueException("protocol", Integer.toString(number), "a protocol number from 1 to 255");
    }
  }

  /**
   * A protocol by name (case-insensitive) or number. Returns empty for "all" and 0, which match every
   * protocol.
   */
  public static Optional<IpProtocol> parse(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.equals("all") || lower.equals("0")) {
      return Optional.empty();
    }
    Integer known = BY_NAME.get(lower);
    if (known != null) {
      return Optional.of(new IpProtocol(known));
    }
    if (!lower.isEmpty() && lower.length() <= 3 && lower.chars().allMatch(Character::isDigit)) {
      return Optional.of(new IpProtocol(Integer.parseInt(lower)));
    }
    throw new InvalidValueException("protocol", text,
        "a protocol name (tcp, udp, icmp, sctp, gre, ...), a number from 0 to 255, or all");
  }

  /** TCP, UDP, UDP-Lite, SCTP and DCCP carry the ports that --sport/--dport and multiport read. */
  public boolean hasPorts() {
    return number == 6 || number == 17 || number == 132 || number == 136 || number == 33;
  }

  /** The name iptables-save prints, or the number when there is no well-known name. */
  @Override
  public String toString() {
    return NAMES.getOrDefault(number, Integer.toString(number));
  }
}
