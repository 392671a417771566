package dev.weft.netfilter.eval;

import dev.weft.model.netfilter.Direction;
import dev.weft.model.netfilter.InterfacePattern;
import dev.weft.model.netfilter.IpSet;
import dev.weft.model.netfilter.Match;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.PortRange;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The concrete semantics of each {@link Match} for one packet context, per iptables-extensions(8). A rule
 * is the three-valued conjunction of its matches: FALSE wins (the rule cannot match whatever the unknown
 * parts say), then UNKNOWN, then MAYBE.
 */
public final class MatchEvaluator {
  private final Map<String, IpSet> ipsets;
  private final HostFacts facts;

  public MatchEvaluator(Map<String, IpSet> ipsets, HostFacts facts) {
    this.ipsets = ipsets;
    this.facts = facts;
  }

  public Truth rule(List<Match> matches, PacketContext ctx) {
    boolean unknown = false;
    boolean maybe = false;
    for (int i = 0, n = matches.size(); i < n; i++) {
      switch (match(matches.get(i), ctx)) {
        case FALSE -> {
          return Truth.FALSE;
        }
        case UNKNOWN -> unknown = true;
        case MAYBE -> maybe = true;
        case TRUE -> { }
      }
    }
    return unknown ? Truth.UNKNOWN : maybe ? Truth.MAYBE : Truth.TRUE;
  }

  public Truth match(Match m, PacketContext ctx) {
    Packet p = ctx.packet();
    return switch (m) {
      case Match.Source s -> Truth.of(contains(s.cidr(), p.src()));
      case Match.Destination d -> Truth.of(contains(d.cidr(), p.dst()));
      case Match.InInterface i -> Truth.of(iface(i.pattern(), ctx.in()));
      case Match.OutInterface o -> Truth.of(iface(o.pattern(), ctx.out()));
      case Match.Protocol pr -> Truth.of(p.protocol() == pr.protocol().number());
      case Match.SourcePorts sp -> Truth.of(anyContains(sp.ranges(), p.srcPort()));
      case Match.DestinationPorts dp -> Truth.of(anyContains(dp.ranges(), p.dstPort()));
      case Match.EitherPorts ep -> Truth.of(anyContains(ep.ranges(), p.srcPort()) || anyContains(ep.ranges(), p.dstPort()));
      case Match.IcmpType t -> Truth.of(p.l4() instanceof L4.Icmp icmp && (t.type() == Match.IcmpType.ANY
          || (icmp.type() == t.type() && icmp.code() >= t.codeMin() && icmp.code() <= t.codeMax())));
      case Match.CtState s -> Truth.of(ctx.ct().matches(s.states()));
      case Match.SetMembership s -> set(s, p);
      case Match.Mark k -> Truth.of((ctx.mark() & k.mask()) == k.value());
      case Match.AddrType a -> Truth.of((facts.typeBits(a.side() == Direction.SRC ? p.src() : p.dst())
          & HostFacts.bits(a.types())) != 0);
      case Match.Random r -> r.threshold() == 0 ? Truth.FALSE : r.threshold() >= Match.Random.SCALE ? Truth.TRUE : Truth.MAYBE;
      case Match.Nth n -> n.every() == 1 ? Truth.TRUE : Truth.MAYBE;
      case Match.Limit l -> Truth.MAYBE;
      case Match.Comment c -> Truth.TRUE;
      case Match.PhysdevIn pi -> Truth.of(ctx.bridge().flatMap(b -> b.physIn()).filter(n -> iface(pi.pattern(), Optional.of(n))).isPresent());
      case Match.PhysdevOut po -> Truth.of(ctx.bridge().flatMap(b -> b.physOut()).filter(n -> iface(po.pattern(), Optional.of(n))).isPresent());
      case Match.PhysdevIsIn x -> Truth.of(ctx.bridge().flatMap(b -> b.physIn()).isPresent());
      case Match.PhysdevIsOut x -> Truth.of(ctx.bridge().flatMap(b -> b.physOut()).isPresent());
      case Match.PhysdevIsBridged x -> Truth.of(ctx.bridge().flatMap(b -> b.physOut()).isPresent());
      case Match.Not n -> match(n.match(), ctx).not();
      case Match.Unknown u -> Truth.UNKNOWN;
    };
  }

  /** IPv4 prefix test without allocating (Cidr.contains masks into a new address). */
  static boolean contains(dev.weft.model.value.Cidr cidr, IpAddress a) {
    int len = cidr.prefixLength();
    long mask = len == 0 ? 0 : (0xffff_ffffL << (32 - len)) & 0xffff_ffffL;
    return a.isIpv4() && cidr.network().isIpv4() && ((a.low() ^ cidr.network().low()) & mask) == 0;
  }

  private static boolean iface(InterfacePattern pattern, Optional<String> device) {
    String name = device.orElse("");
    return pattern.isWildcard() ? name.startsWith(pattern.prefix()) : name.equals(pattern.text());
  }

  private static boolean anyContains(List<PortRange> ranges, int port) {
    if (port < 0) {
      return false;
    }
    for (int i = 0, n = ranges.size(); i < n; i++) {
      if (ranges.get(i).contains(port)) {
        return true;
      }
    }
    return false;
  }

  /**
   * ipset lookup as xt_set does it: one direction flag per set dimension; fewer flags than dimensions never
   * match, extra flags are ignored. A set the rule set does not describe is UNKNOWN.
   */
  private Truth set(Match.SetMembership s, Packet p) {
    IpSet set = ipsets.get(s.setName());
    if (set == null) {
      return Truth.UNKNOWN;
    }
    List<Direction> dims = s.dimensions();
    if (dims.size() < set.type().dimensions()) {
      return Truth.FALSE;
    }
    IpAddress addr = dims.getFirst() == Direction.SRC ? p.src() : p.dst();
    if (!set.type().withPort()) {
      return Truth.of(set.contains(addr));
    }
    int port = dims.get(1) == Direction.SRC ? p.srcPort() : p.dstPort();
    return Truth.of(port >= 0 && set.contains(addr, p.protocol(), port));
  }

  /** The first match of the rule that is UNKNOWN for this packet, to name it in a trace. */
  public Optional<Match> firstUnknown(List<Match> matches, PacketContext ctx) {
    return matches.stream().filter(m -> match(m, ctx) == Truth.UNKNOWN).findFirst();
  }
}
