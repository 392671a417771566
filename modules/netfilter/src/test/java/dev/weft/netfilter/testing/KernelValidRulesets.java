package dev.weft.netfilter.testing;

import dev.weft.model.netfilter.AddressType;
import dev.weft.model.netfilter.Chain;
import dev.weft.model.netfilter.ChainName;
import dev.weft.model.netfilter.ConnState;
import dev.weft.model.netfilter.Direction;
import dev.weft.model.netfilter.Hook;
import dev.weft.model.netfilter.InterfacePattern;
import dev.weft.model.netfilter.IpProtocol;
import dev.weft.model.netfilter.Match;
import dev.weft.model.netfilter.NatRange;
import dev.weft.model.netfilter.NetfilterArbitraries;
import dev.weft.model.netfilter.NetfilterTable;
import dev.weft.model.netfilter.Policy;
import dev.weft.model.netfilter.RejectWith;
import dev.weft.model.netfilter.Rule;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.netfilter.Table;
import dev.weft.model.netfilter.Target;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.PortRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Rule sets the kernel accepts as they are, for differential tests against iptables-restore and nft:
 * rules only in FORWARD (where both -i and -o are allowed) and user chains of filter, and DNAT/SNAT/
 * MASQUERADE in the nat chains where they are valid; no ipsets (there is no ipset tool to create them).
 */
public final class KernelValidRulesets {
  private static final List<String> IFACES = List.of("eth0", "eth+", "cali+", "cali1a2b3c", "vxlan.calico");

  private KernelValidRulesets() {}

  public static Arbitrary<Ruleset> rulesets() {
    return Combinators.combine(filter(), nat().optional()).as((f, n) -> {
      List<NetfilterTable> tables = new ArrayList<>(List.of(f));
      n.ifPresent(tables::add);
      return Ruleset.of(tables);
    });
  }

  static Arbitrary<NetfilterTable> filter() {
    return Arbitraries.integers().between(0, 4).flatMap(n -> {
      List<ChainName> users = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        users.add(ChainName.of("WEFT-" + i));
      }
      List<Arbitrary<Chain>> chains = new ArrayList<>();
      chains.add(Arbitraries.of(Policy.values()).map(p -> Chain.builtin(ChainName.of("INPUT"), p, List.of())));
      chains.add(Combinators.combine(Arbitraries.of(Policy.values()), rule(users).list().ofMaxSize(6))
          .as((p, r) -> Chain.builtin(ChainName.of("FORWARD"), p, r)));
      for (int i = 0; i < n; i++) {
        ChainName name = users.get(i);
        chains.add(rule(users.subList(i + 1, n)).list().ofMaxSize(4).map(r -> Chain.user(name, r)));
      }
      return Combinators.combine(chains).as(list -> NetfilterTable.of(Table.FILTER, list));
    });
  }

  static Arbitrary<NetfilterTable> nat() {
    Arbitrary<Rule> dnat = Combinators.combine(headers(), NetfilterArbitraries.ipv4(), Arbitraries.integers().between(1, 65535))
        .as((h, a, port) -> new Rule(withProtocol(h, IpProtocol.TCP), Target.Dnat.to(NatRange.to(a, port)), OptionalInt.empty()));
    Arbitrary<Rule> snat = Combinators.combine(headers(), NetfilterArbitraries.ipv4(), Arbitraries.of(true, false))
        .as((h, a, masq) -> new Rule(withoutInterfaces(h), masq ? new Target.Masquerade(Optional.empty(), false, true)
            : Target.Snat.to(NatRange.to(a)), OptionalInt.empty()));
    return Combinators.combine(dnat.list().ofMaxSize(3), snat.list().ofMaxSize(3)).as((d, s) -> NetfilterTable.of(Table.NAT,
        List.of(Chain.builtin(Hook.PREROUTING.chain(), Policy.ACCEPT, d), Chain.builtin(Hook.POSTROUTING.chain(), Policy.ACCEPT, s))));
  }

  private static List<Match> withProtocol(List<Match> headers, IpProtocol p) {
    List<Match> out = new ArrayList<>(withoutInterfaces(headers));
    out.add(new Match.Protocol(p));
    return out;
  }

  /** iptables refuses -o at PREROUTING and -i at POSTROUTING, so nat rules here test addresses only. */
  private static List<Match> withoutInterfaces(List<Match> headers) {
    return headers.stream().filter(m -> {
      Match inner = m instanceof Match.Not(Match x) ? x : m;
      return !(inner instanceof Match.InInterface) && !(inner instanceof Match.OutInterface);
    }).toList();
  }

  private static Arbitrary<List<Match>> headers() {
    Arbitrary<Cidr> cidrs = Combinators.combine(NetfilterArbitraries.ipv4(), Arbitraries.integers().between(1, 32))
        .as(Cidr::containing);
    Arbitrary<InterfacePattern> ifaces = Arbitraries.of(IFACES).map(InterfacePattern::of);
    return Combinators.combine(
        NetfilterArbitraries.maybeNegated(cidrs.map(Match.Source::new)).optional(0.4),
        NetfilterArbitraries.maybeNegated(cidrs.map(Match.Destination::new)).optional(0.4),
        NetfilterArbitraries.maybeNegated(ifaces.map(Match.InInterface::new)).optional(0.3),
        NetfilterArbitraries.maybeNegated(ifaces.map(Match.OutInterface::new)).optional(0.3))
        .as((a, b, c, d) -> {
          List<Match> out = new ArrayList<>();
          a.ifPresent(out::add);
          b.ifPresent(out::add);
          c.ifPresent(out::add);
          d.ifPresent(out::add);
          return out;
        });
  }

  private static Arbitrary<Rule> rule(List<ChainName> jumps) {
    Arbitrary<Optional<IpProtocol>> protocols = Arbitraries.of(Optional.empty(), Optional.of(IpProtocol.TCP),
        Optional.of(IpProtocol.UDP), Optional.of(IpProtocol.SCTP), Optional.of(IpProtocol.ICMP), Optional.of(new IpProtocol(47)));
    return protocols.flatMap(p -> Combinators.combine(headers(), specific(p), module().list().ofMaxSize(2),
            NetfilterArbitraries.comments().optional(0.4), target(jumps, p))
        .as((h, s, m, c, t) -> {
          List<Match> all = new ArrayList<>(h);
          p.ifPresent(proto -> all.add(new Match.Protocol(proto)));
          c.ifPresent(text -> all.add(new Match.Comment(text)));
          all.addAll(s);
          all.addAll(m);
          return new Rule(all, t, OptionalInt.empty());
        }));
  }

  private static Arbitrary<List<Match>> specific(Optional<IpProtocol> p) {
    if (p.filter(IpProtocol::hasPorts).isPresent()) {
      Arbitrary<PortRange> port = NetfilterArbitraries.ports().filter(r -> !r.equals(PortRange.ALL));
      Arbitrary<Match> m = Arbitraries.oneOf(port.map(r -> new Match.DestinationPorts(List.of(r))),
          port.map(r -> new Match.SourcePorts(List.of(r))),
          port.list().ofMinSize(2).ofMaxSize(7).map(Match.DestinationPorts::new),
          port.list().ofMinSize(2).ofMaxSize(7).map(Match.EitherPorts::new));
      return NetfilterArbitraries.maybeNegated(m).list().ofMaxSize(1);
    }
    if (p.equals(Optional.of(IpProtocol.ICMP))) {
      return NetfilterArbitraries.maybeNegated(Arbitraries.of(Match.IcmpType.of(8), Match.IcmpType.of(3, 4),
          Match.IcmpType.of(0))).list().ofMaxSize(1);
    }
    return Arbitraries.just(List.of());
  }

  private static Arbitrary<Match> module() {
    return NetfilterArbitraries.maybeNegated(Arbitraries.oneOf(
        Arbitraries.subsetOf(ConnState.values()).ofMinSize(1).map(s -> (Match) new Match.CtState(Set.copyOf(s))),
        Combinators.combine(NetfilterArbitraries.marks(), NetfilterArbitraries.marks())
            .as((v, m) -> (Match) new Match.Mark(v & m, m)),
        Combinators.combine(Arbitraries.of(Direction.values()), Arbitraries.subsetOf(AddressType.values()).ofMinSize(1))
            .as((d, t) -> (Match) new Match.AddrType(d, Set.copyOf(t))),
        Arbitraries.longs().between(0, Match.Random.SCALE).map(t -> (Match) new Match.Random(t)),
        Arbitraries.integers().between(2, 9).map(e -> (Match) new Match.Nth(e, e - 1)),
        Arbitraries.of((Match) new Match.Limit("10/min", 5), new Match.Limit("3/hour", 10), new Match.Limit("100/sec", 1)),
        Arbitraries.of((Match) new Match.Unknown(List.of("-m", "length", "--length", "100:200")))));
  }

  private static Arbitrary<Target> target(List<ChainName> jumps, Optional<IpProtocol> p) {
    List<Arbitrary<Target>> options = new ArrayList<>(List.of(
        Arbitraries.of(new Target.Accept(), new Target.Drop(), new Target.Return(), new Target.CountOnly()),
        Arbitraries.of(RejectWith.values()).filter(r -> r != RejectWith.TCP_RESET || p.equals(Optional.of(IpProtocol.TCP)))
            .map(Target.Reject::new),
        Combinators.combine(NetfilterArbitraries.marks(), NetfilterArbitraries.marks()).as(Target.Mark::new),
        Arbitraries.of(new Target.Log("LOG", Map.of("log-prefix", "weft: ")), new Target.Log("LOG", Map.of("log-level", "6")),
            new Target.Log("NFLOG", Map.of("nflog-group", "100", "nflog-prefix", "x")))));
    if (!jumps.isEmpty()) {
      options.add(Arbitraries.of(jumps).map(Target.Jump::new));
      options.add(Arbitraries.of(jumps).map(Target.Goto::new));
    }
    return Arbitraries.oneOf(options);
  }
}
