package dev.weft.model.netfilter;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
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
 * Generators of valid IPv4 rule sets for property tests (test-jar). Rules look like the ones real tools
 * write: optional header matches, a protocol, protocol-specific matches, module matches, a comment and a
 * target; user chains only jump "forward" so tables never loop.
 */
public final class NetfilterArbitraries {
  private static final List<String> IFACES = List.of("eth0", "eth+", "cali+", "cali1a2b3c", "lo", "vxlan.calico", "+");
  private static final List<List<String>> UNKNOWN_MATCHES = List.of(
      List.of("-m", "owner", "--uid-owner", "1000"), List.of("-f"), List.of("-m", "length", "--length", "100:200"),
      List.of("-m", "rpfilter", "--invert"));
  private static final List<List<String>> UNKNOWN_TARGETS = List.of(
      List.of("CT", "--notrack"), List.of("TCPMSS", "--clamp-mss-to-pmtu"), List.of("CONNMARK", "--save-mark"));

  private NetfilterArbitraries() {}

  public static Arbitrary<IpAddress> ipv4() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(Integer.MIN_VALUE, Integer.MAX_VALUE).map(IpAddress::ipv4),
        Arbitraries.integers().between(0, 255).map(i -> IpAddress.ipv4(0x0a00_0000 | i)));
  }

  public static Arbitrary<Cidr> cidrs() {
    return Combinators.combine(ipv4(), Arbitraries.integers().between(0, 32)).as(Cidr::containing);
  }

  public static Arbitrary<InterfacePattern> interfaces() {
    return Arbitraries.of(IFACES).map(InterfacePattern::of);
  }

  public static Arbitrary<PortRange> ports() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, 65535).map(PortRange::single),
        Arbitraries.integers().between(0, 65534).flatMap(a -> Arbitraries.integers().between(a + 1, 65535)
            .map(b -> new PortRange(a, b))));
  }

  public static Arbitrary<List<PortRange>> portLists() {
    return Arbitraries.oneOf(ports().map(List::of), ports().list().ofMinSize(2).ofMaxSize(7));
  }

  /** Printable ASCII, including the quotes and backslashes that iptables-save must escape. */
  public static Arbitrary<String> comments() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60),
        Arbitraries.of("cali:Cz_u1IQiXIMmKD4c", "default/web:http cluster IP", "a \"quoted\" 'x' \\ back"));
  }

  public static Arbitrary<Long> marks() {
    return Arbitraries.oneOf(Arbitraries.of(0L, 0x4000L, 0x10000L, 0x20000L, 0xffff_ffffL),
        Arbitraries.longs().between(0, 0xffff_ffffL));
  }

  /** Matches that need no particular protocol. */
  public static Arbitrary<Match> moduleMatches() {
    return Arbitraries.oneOf(
        Arbitraries.subsetOf(ConnState.values()).ofMinSize(1).map(s -> (Match) new Match.CtState(Set.copyOf(s))),
        Combinators.combine(setNames(), Arbitraries.of(Direction.values()).list().ofMinSize(1).ofMaxSize(2))
            .as((n, d) -> (Match) new Match.SetMembership(n, d)),
        Combinators.combine(marks(), marks()).as((v, m) -> (Match) new Match.Mark(v & m, m)),
        Combinators.combine(Arbitraries.of(Direction.values()),
                Arbitraries.subsetOf(AddressType.values()).ofMinSize(1))
            .as((d, t) -> (Match) new Match.AddrType(d, Set.copyOf(t))),
        Arbitraries.longs().between(0, Match.Random.SCALE).map(t -> (Match) new Match.Random(t)),
        Arbitraries.integers().between(1, 20).flatMap(e -> Arbitraries.integers().between(0, e - 1)
            .map(p -> (Match) new Match.Nth(e, p))),
        Combinators.combine(Arbitraries.of("10/min", "3/hour", "100/sec", "1/day"), Arbitraries.of(5, 10, 1))
            .as((r, b) -> (Match) new Match.Limit(r, b)),
        interfaces().map(i -> (Match) new Match.PhysdevIn(i)),
        interfaces().map(i -> (Match) new Match.PhysdevOut(i)),
        Arbitraries.of(new Match.PhysdevIsIn(), new Match.PhysdevIsOut(), new Match.PhysdevIsBridged()),
        Arbitraries.of(UNKNOWN_MATCHES).map(t -> (Match) new Match.Unknown(t)));
  }

  public static Arbitrary<String> setNames() {
    return Arbitraries.of("KUBE-SRC-ABCDEF", "KUBE-DST-123456", "cali40s:label-abc", "ipset1");
  }

  public static Arbitrary<Match> maybeNegated(Arbitrary<Match> matches) {
    return Combinators.combine(matches, Arbitraries.integers().between(0, 3))
        .as((m, n) -> m.negatable() && n == 0 ? new Match.Not(m) : m);
  }

  public static Arbitrary<Rule> rules(List<ChainName> jumpTargets) {
    Arbitrary<Optional<IpProtocol>> protocols = Arbitraries.of(
        Optional.empty(), Optional.of(IpProtocol.TCP), Optional.of(IpProtocol.UDP), Optional.of(IpProtocol.SCTP),
        Optional.of(IpProtocol.ICMP), Optional.of(new IpProtocol(47)), Optional.of(new IpProtocol(200)));
    return protocols.flatMap(p -> Combinators.combine(
            headers(p), protocolMatches(p), maybeNegated(moduleMatches()).list().ofMaxSize(3),
            comments().optional(), targets(jumpTargets, p))
        .as((h, pm, mm, c, t) -> {
          List<Match> all = new ArrayList<>(h);
          c.ifPresent(text -> all.add(new Match.Comment(text)));
          all.addAll(pm);
          all.addAll(mm);
          return new Rule(all, t, OptionalInt.empty());
        }));
  }

  private static Arbitrary<List<Match>> headers(Optional<IpProtocol> protocol) {
    Arbitrary<Optional<Match>> s = maybeNegated(cidrs().map(Match.Source::new)).optional();
    Arbitrary<Optional<Match>> d = maybeNegated(cidrs().map(Match.Destination::new)).optional();
    Arbitrary<Optional<Match>> i = maybeNegated(interfaces().map(Match.InInterface::new)).optional();
    Arbitrary<Optional<Match>> o = maybeNegated(interfaces().map(Match.OutInterface::new)).optional();
    Arbitrary<Boolean> negateProtocol = Arbitraries.integers().between(0, 5).map(n -> n == 0);
    return Combinators.combine(s, d, i, o, negateProtocol).as((a, b, c, e, neg) -> {
      List<Match> out = new ArrayList<>();
      a.ifPresent(out::add);
      b.ifPresent(out::add);
      c.ifPresent(out::add);
      e.ifPresent(out::add);
      protocol.ifPresent(p -> out.add(neg && !p.hasPorts() && p.number() != 1
          ? new Match.Not(new Match.Protocol(p)) : new Match.Protocol(p)));
      return out;
    });
  }

  private static Arbitrary<List<Match>> protocolMatches(Optional<IpProtocol> protocol) {
    if (protocol.filter(IpProtocol::hasPorts).isPresent()) {
      Arbitrary<Match> portMatch = Arbitraries.oneOf(
          portLists().map(Match.SourcePorts::new), portLists().map(Match.DestinationPorts::new),
          ports().list().ofMinSize(2).ofMaxSize(7).map(Match.EitherPorts::new));
      return maybeNegated(portMatch).list().ofMaxSize(2);
    }
    if (protocol.equals(Optional.of(IpProtocol.ICMP))) {
      Arbitrary<Match> icmp = Arbitraries.oneOf(
          Arbitraries.integers().between(0, 255).map(t -> (Match) Match.IcmpType.of(t)),
          Combinators.combine(Arbitraries.integers().between(0, 254), Arbitraries.integers().between(0, 255))
              .as((t, c) -> (Match) Match.IcmpType.of(t, c)));
      return maybeNegated(icmp).list().ofMaxSize(1);
    }
    return Arbitraries.just(List.of());
  }

  public static Arbitrary<Target> targets(List<ChainName> jumpTargets, Optional<IpProtocol> protocol) {
    List<Arbitrary<Target>> options = new ArrayList<>(List.of(
        Arbitraries.of(new Target.Accept(), new Target.Drop(), new Target.Return(), new Target.CountOnly()),
        Arbitraries.of(RejectWith.values()).filter(r -> r != RejectWith.TCP_RESET || protocol.equals(Optional.of(IpProtocol.TCP)))
            .map(Target.Reject::new),
        Combinators.combine(marks(), marks()).as(Target.Mark::new),
        Arbitraries.of(new Target.Log("LOG", Map.of("log-prefix", "dropped: ")), new Target.Log("LOG", Map.of()),
            new Target.Log("NFLOG", Map.of("nflog-group", "100", "nflog-prefix", "x"))),
        Arbitraries.of(UNKNOWN_TARGETS).map(Target.Unknown::new)));
    if (!jumpTargets.isEmpty()) {
      options.add(Arbitraries.of(jumpTargets).map(Target.Jump::new));
      options.add(Arbitraries.of(jumpTargets).map(Target.Goto::new));
    }
    return Arbitraries.oneOf(options);
  }

  /** NAT targets, for rules placed in nat chains. */
  public static Arbitrary<Target> natTargets(boolean withPorts) {
    Arbitrary<Optional<PortRange>> port = withPorts ? ports().optional() : Arbitraries.just(Optional.empty());
    Arbitrary<NatRange> range = Combinators.combine(ipv4(), Arbitraries.integers().between(0, 3), port)
        .as((a, n, p) -> new NatRange(Optional.of(a), a.plus(n).or(() -> Optional.of(a)), p));
    return Arbitraries.oneOf(
        Combinators.combine(range, Arbitraries.of(true, false), Arbitraries.of(true, false)).as(Target.Dnat::new),
        Combinators.combine(range, Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false))
            .as(Target.Snat::new),
        Combinators.combine(port, Arbitraries.of(true, false), Arbitraries.of(true, false)).as(Target.Masquerade::new));
  }

  /** A table with up to {@code maxUserChains} user chains; chain i only jumps to chains after it. */
  public static Arbitrary<NetfilterTable> tables(Table table, int maxUserChains) {
    return Arbitraries.integers().between(0, maxUserChains).flatMap(n -> {
      List<ChainName> users = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        users.add(ChainName.of(String.format("WEFT-%02d", i)));
      }
      List<Arbitrary<Chain>> chains = new ArrayList<>();
      for (ChainName b : table.builtinChains()) {
        chains.add(Combinators.combine(Arbitraries.of(Policy.values()), rules(users).list().ofMaxSize(5))
            .as((p, r) -> Chain.builtin(b, p, r)));
      }
      for (int i = 0; i < n; i++) {
        ChainName name = users.get(i);
        chains.add(rules(users.subList(i + 1, n)).list().ofMaxSize(5).map(r -> Chain.user(name, r)));
      }
      return Combinators.combine(chains).as(list -> NetfilterTable.of(table, list));
    });
  }

  public static Arbitrary<Ruleset> rulesets() {
    return Arbitraries.subsetOf(Table.FILTER, Table.RAW, Table.MANGLE, Table.SECURITY).flatMap(ts -> {
      List<Arbitrary<NetfilterTable>> tables = ts.stream().map(t -> tables(t, 4)).toList();
      return tables.isEmpty() ? Arbitraries.just(Ruleset.empty()) : Combinators.combine(tables).as(Ruleset::of);
    });
  }
}
