package dev.weft.netfilter.render;

import dev.weft.model.netfilter.AddressType;
import dev.weft.model.netfilter.ConnState;
import dev.weft.model.netfilter.Direction;
import dev.weft.model.netfilter.InterfacePattern;
import dev.weft.model.netfilter.IpProtocol;
import dev.weft.model.netfilter.IpSet;
import dev.weft.model.netfilter.Match;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.PortRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One match as nft expressions. Most matches are one expression; a few iptables matches are a
 * disjunction nft cannot write in one rule (a positive --ctstate mixing real and SNAT/DNAT states, a
 * negated ICMP type/code), so the result is a list of mutually exclusive alternatives: the rule becomes
 * one nft rule per alternative and still fires at most once per packet.
 */
final class NftMatchText {
  private static final Set<String> NFT_PROTOCOLS = Set.of("tcp", "udp", "icmp", "sctp", "udplite", "dccp", "esp", "ah",
      "gre", "igmp");
  private final Map<String, IpSet> ipsets;
  private final NftNames sets;

  NftMatchText(Map<String, IpSet> ipsets, NftNames sets) {
    this.ipsets = ipsets;
    this.sets = sets;
  }

  /** The alternatives (each a conjunction of nft expressions; the empty string means "always"). */
  List<String> alternatives(Match m, Optional<IpProtocol> protocol) throws NftUntranslatable {
    boolean neg = m instanceof Match.Not;
    Match inner = m instanceof Match.Not(Match x) ? x : m;
    String op = neg ? "!= " : "";
    return switch (inner) {
      case Match.Source s -> List.of("ip saddr " + op + cidr(s.cidr()));
      case Match.Destination d -> List.of("ip daddr " + op + cidr(d.cidr()));
      case Match.InInterface i -> List.of("iifname " + op + iface(i.pattern()));
      case Match.OutInterface o -> List.of("oifname " + op + iface(o.pattern()));
      case Match.Protocol p -> List.of("meta l4proto " + op + protocol(p.protocol()));
      case Match.SourcePorts p -> List.of(l4(protocol) + " sport " + op + ports(p.ranges()));
      case Match.DestinationPorts p -> List.of(l4(protocol) + " dport " + op + ports(p.ranges()));
      case Match.EitherPorts p -> List.of(either(l4(protocol), op, p.ranges()));
      case Match.IcmpType t -> icmp(t, neg);
      case Match.CtState s -> ct(s.states(), neg);
      case Match.SetMembership s -> List.of(set(s, op));
      case Match.Mark k -> List.of(k.mask() == MarkText.ALL ? "meta mark " + op + MarkText.hex(k.value())
          : "meta mark & " + MarkText.hex(k.mask()) + (neg ? " != " : " == ") + MarkText.hex(k.value()));
      case Match.AddrType a -> List.of("fib " + (a.side() == Direction.SRC ? "saddr" : "daddr") + " type " + op + types(a.types()));
      case Match.Random r -> List.of(random(r.threshold(), neg));
      case Match.Nth n -> List.of("numgen inc mod " + n.every() + (neg ? " != " : " == ") + n.packet());
      case Match.Limit l -> List.of(limit(l));
      case Match.Comment c -> List.of("");
      case Match.PhysdevIn p -> throw new NftUntranslatable("physdev has no nft equivalent");
      case Match.PhysdevOut p -> throw new NftUntranslatable("physdev has no nft equivalent");
      case Match.PhysdevIsIn p -> throw new NftUntranslatable("physdev has no nft equivalent");
      case Match.PhysdevIsOut p -> throw new NftUntranslatable("physdev has no nft equivalent");
      case Match.PhysdevIsBridged p -> throw new NftUntranslatable("physdev has no nft equivalent");
      case Match.Unknown u -> throw new NftUntranslatable("'" + u.text() + "' is not interpreted");
      case Match.Not n -> throw new IllegalStateException("double negation cannot be constructed");
    };
  }

  private static String cidr(Cidr c) {
    return c.prefixLength() == 32 ? c.network().toString() : c.toString();
  }

  private static String iface(InterfacePattern p) {
    return Quoting.nftString(p.isWildcard() ? p.prefix() + "*" : p.text());
  }

  static String protocol(IpProtocol p) {
    return NFT_PROTOCOLS.contains(p.toString()) ? p.toString() : Integer.toString(p.number());
  }

  private static String l4(Optional<IpProtocol> protocol) {
    return protocol.orElseThrow(() -> new IllegalStateException("port match without -p")).toString();
  }

  /** Sorted, with overlapping and adjacent ranges merged: nft refuses overlapping set elements. */
  static List<PortRange> merged(List<PortRange> ranges) {
    List<PortRange> sorted = ranges.stream().sorted().toList();
    List<PortRange> out = new ArrayList<>();
    for (PortRange r : sorted) {
      if (!out.isEmpty() && r.first() <= out.getLast().last() + 1) {
        PortRange last = out.removeLast();
        out.add(new PortRange(last.first(), Math.max(last.last(), r.last())));
      } else {
        out.add(r);
      }
    }
    return out;
  }

  private static String ports(List<PortRange> given) {
    List<PortRange> ranges = merged(given);
    if (ranges.size() == 1) {
      return range(ranges.getFirst());
    }
    return ranges.stream().map(NftMatchText::range).collect(Collectors.joining(", ", "{ ", " }"));
  }

  private static String range(PortRange r) {
    return r.isSingle() ? Integer.toString(r.first()) : r.first() + "-" + r.last();
  }

  /**
   * multiport --ports: (sport, dport) with sport in R, or sport outside R and dport in R. The two parts
   * are disjoint, as nft requires of a concatenated interval set (elements starting at the same key clash).
   */
  private static String either(String l4, String op, List<PortRange> ranges) {
    List<PortRange> in = merged(ranges);
    List<String> elems = new ArrayList<>();
    in.forEach(r -> elems.add(range(r) + " . 0-65535"));
    for (PortRange outside : complement(in)) {
      in.forEach(r -> elems.add(range(outside) + " . " + range(r)));
    }
    return l4 + " sport . " + l4 + " dport " + op + "{ " + String.join(", ", elems) + " }";
  }

  private static List<PortRange> complement(List<PortRange> merged) {
    List<PortRange> out = new ArrayList<>();
    int next = 0;
    for (PortRange r : merged) {
      if (r.first() > next) {
        out.add(new PortRange(next, r.first() - 1));
      }
      next = r.last() + 1;
    }
    if (next <= PortRange.MAX_PORT) {
      out.add(new PortRange(next, PortRange.MAX_PORT));
    }
    return out;
  }

  /**
   * statistic random: the kernel matches when a random 31-bit number is below the threshold. nft values
   * must fit the 31-bit range, so "below T" is written "at most T − 1" (and the edge cases explicitly).
   */
  private static String random(long threshold, boolean neg) {
    String numgen = "numgen random mod 2147483648 ";
    if (threshold == 0) {
      return numgen + (neg ? "<= 2147483647" : "> 2147483647");
    }
    return numgen + (neg ? "> " : "<= ") + (threshold - 1);
  }

  private static List<String> icmp(Match.IcmpType t, boolean neg) {
    if (t.type() == Match.IcmpType.ANY && t.allCodes()) {
      return List.of(neg ? "meta l4proto != icmp" : "");
    }
    if (t.allCodes()) {
      return List.of("icmp type " + (neg ? "!= " : "") + t.type());
    }
    if (!neg) {
      return List.of("icmp type " + t.type() + " icmp code " + t.codeMin());
    }
    return List.of("icmp type != " + t.type(), "icmp type " + t.type() + " icmp code != " + t.codeMin());
  }

  /** --ctstate: real states are {@code ct state}, SNAT/DNAT are {@code ct status} bits. */
  private static List<String> ct(Set<ConnState> states, boolean neg) {
    List<String> real = states.stream().filter(s -> s != ConnState.SNAT && s != ConnState.DNAT)
        .map(s -> s.name().toLowerCase(Locale.ROOT)).toList();
    List<String> positive = new ArrayList<>();
    List<String> negative = new ArrayList<>();
    if (!real.isEmpty()) {
      String set = real.size() == 1 ? real.getFirst() : "{ " + String.join(", ", real) + " }";
      positive.add("ct state " + set);
      negative.add("ct state != " + set);
    }
    for (ConnState v : List.of(ConnState.SNAT, ConnState.DNAT)) {
      if (states.contains(v)) {
        String bit = v.name().toLowerCase(Locale.ROOT);
        positive.add("ct status & " + bit + " == " + bit);
        negative.add("ct status & " + bit + " != " + bit);
      }
    }
    if (neg) {
      return List.of(String.join(" ", negative));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < positive.size(); i++) {
      List<String> alt = new ArrayList<>(negative.subList(0, i));
      alt.add(positive.get(i));
      out.add(String.join(" ", alt));
    }
    return out;
  }

  private String set(Match.SetMembership s, String op) throws NftUntranslatable {
    Optional<IpSet> known = Optional.ofNullable(ipsets.get(s.setName()));
    boolean withPort = known.map(set -> set.type().withPort()).orElse(false);
    if (withPort && s.dimensions().size() < 2) {
      throw new NftUntranslatable("set " + s.setName() + " has two dimensions but the rule gives one flag");
    }
    String addr = "ip " + (s.dimensions().getFirst() == Direction.SRC ? "saddr" : "daddr");
    String key = withPort ? addr + " . meta l4proto . th " + (s.dimensions().get(1) == Direction.SRC ? "s" : "d") + "port"
        : addr;
    return key + " " + op + "@" + sets.of(s.setName());
  }

  private static String types(Set<AddressType> types) {
    // nft names the route types up to prohibit (RTN_PROHIBIT = 8); throw, nat and xresolve go by number
    List<String> names = types.stream().map(t -> t.ordinal() <= AddressType.PROHIBIT.ordinal()
        ? t.name().toLowerCase(Locale.ROOT) : Integer.toString(t.ordinal())).toList();
    return names.size() == 1 ? names.getFirst() : "{ " + String.join(", ", names) + " }";
  }

  private static String limit(Match.Limit l) {
    String[] parts = l.rate().split("/");
    String unit = parts.length == 1 ? "second" : switch (parts[1]) {
      case "s", "sec", "second" -> "second";
      case "m", "min", "minute" -> "minute";
      case "h", "hour" -> "hour";
      default -> "day";
    };
    return "limit rate " + parts[0] + "/" + unit + " burst " + l.burst() + " packets";
  }
}
