package dev.weft.netfilter.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.netfilter.ChainName;
import dev.weft.model.netfilter.Hook;
import dev.weft.model.netfilter.IpSet;
import dev.weft.model.netfilter.IpSetEntry;
import dev.weft.model.netfilter.IpSetType;
import dev.weft.model.netfilter.Match;
import dev.weft.model.netfilter.NetfilterArbitraries;
import dev.weft.model.netfilter.NetfilterTable;
import dev.weft.model.netfilter.Policy;
import dev.weft.model.netfilter.Rule;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.netfilter.Table;
import dev.weft.model.netfilter.Target;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.IpAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Two interpreters of the algebra must agree: the iterative walker (explicit return stack, forks on a
 * work list) against a recursive reference that states iptables' control flow directly, and the traced
 * walk against the untraced one, on random filter tables and random packets.
 */
class EvaluatorProperties {
  private static final HostFacts FACTS = HostFacts.of(Map.of("eth0", List.of(InterfaceAddress.parse("10.0.0.1/24"))));
  private static final Map<String, IpSet> SETS = Map.of(
      "KUBE-SRC-ABCDEF", new IpSet("KUBE-SRC-ABCDEF", IpSetType.HASH_IP,
          List.of(IpSetEntry.of(Cidr.parse("10.0.0.5/32")), IpSetEntry.of(Cidr.parse("10.0.0.7/32")))),
      "ipset1", new IpSet("ipset1", IpSetType.HASH_NET, List.of(IpSetEntry.of(Cidr.parse("10.0.0.0/28")))));

  record Out(Verdict verdict, long mark) {}

  /**
   * Tables over a tiny packet space (10.0.0.0/28, a few ports and marks) with short rules, so that most
   * rules match some packets and jumps, gotos, returns, marks and forks are actually exercised.
   */
  @Provide
  Arbitrary<NetfilterTable> tables() {
    return Arbitraries.integers().between(0, 5).flatMap(n -> {
      List<ChainName> users = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        users.add(ChainName.of("U" + i));
      }
      List<Arbitrary<dev.weft.model.netfilter.Chain>> chains = new java.util.ArrayList<>();
      chains.add(Combinators.combine(Arbitraries.of(Policy.values()), smallRules(users).list().ofMaxSize(6))
          .as((pol, r) -> dev.weft.model.netfilter.Chain.builtin(Hook.FORWARD.chain(), pol, r)));
      for (int i = 0; i < n; i++) {
        ChainName name = users.get(i);
        chains.add(smallRules(users.subList(i + 1, n)).list().ofMaxSize(5)
            .map(r -> dev.weft.model.netfilter.Chain.user(name, r)));
      }
      return Combinators.combine(chains).as(list -> NetfilterTable.of(Table.FILTER, list));
    });
  }

  private static Arbitrary<Rule> smallRules(List<ChainName> targets) {
    Arbitrary<Optional<Match>> source = NetfilterArbitraries.maybeNegated(Arbitraries.integers().between(26, 32)
        .flatMap(len -> Arbitraries.integers().between(0, 15)
            .map(i -> (Match) new Match.Source(Cidr.containing(IpAddress.ipv4(0x0a00_0000 | i), len))))).optional(0.3);
    Arbitrary<Optional<Match>> destination = NetfilterArbitraries.maybeNegated(Arbitraries.integers().between(0, 15)
        .map(i -> (Match) new Match.Destination(Cidr.containing(IpAddress.ipv4(0x0a00_0000 | i), 30)))).optional(0.3);
    Arbitrary<Match> other = NetfilterArbitraries.maybeNegated(Arbitraries.oneOf(
        Arbitraries.of(0L, 1L).map(v -> (Match) new Match.Mark(v, 1)),
        Arbitraries.of((Match) new Match.Random(Match.Random.SCALE / 2), new Match.Nth(3, 1), new Match.Limit("1/sec", 5)),
        Arbitraries.of((Match) new Match.Unknown(List.of("-m", "owner", "--uid-owner", "0"))),
        Arbitraries.of((Match) new Match.SetMembership("ipset1", List.of(dev.weft.model.netfilter.Direction.SRC)),
            new Match.SetMembership("missing", List.of(dev.weft.model.netfilter.Direction.DST))),
        Arbitraries.of((Match) new Match.CtState(Set.of(dev.weft.model.netfilter.ConnState.NEW)))));
    Arbitrary<List<Match>> matches = Combinators.combine(source, destination, other.optional(0.4)).as((a, b, c) -> {
      List<Match> m = new java.util.ArrayList<>();
      a.ifPresent(m::add);
      b.ifPresent(m::add);
      c.ifPresent(m::add);
      return m;
    });
    List<Arbitrary<Target>> ts = new java.util.ArrayList<>(List.of(
        Arbitraries.of(new Target.Accept(), new Target.Drop(), new Target.Return(), new Target.CountOnly(),
            new Target.Reject(dev.weft.model.netfilter.RejectWith.ICMP_PORT_UNREACHABLE), new Target.Log("LOG", Map.of()),
            new Target.Unknown(List.of("CT", "--notrack"))),
        Arbitraries.of(new Target.Mark(1, 1), new Target.Mark(1, 0), new Target.Mark(0, 1))));
    if (!targets.isEmpty()) {
      ts.add(Arbitraries.of(targets).map(Target.Jump::new));
      ts.add(Arbitraries.of(targets).map(Target.Goto::new));
    }
    // control flow is what this property is about: weigh jumps and gotos up when there are chains to reach
    Arbitrary<Target> target = targets.isEmpty() ? Arbitraries.oneOf(ts)
        : Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.oneOf(ts)), net.jqwik.api.Tuple.of(4,
            Arbitraries.oneOf(Arbitraries.of(targets).map(Target.Jump::new), Arbitraries.of(targets).map(Target.Goto::new))));
    return Combinators.combine(matches, target)
        .as((m, t) -> new Rule(m, t, java.util.OptionalInt.empty()));
  }

  @Provide
  Arbitrary<PacketContext> packets() {
    Arbitrary<IpAddress> addr = Arbitraries.integers().between(0, 15).map(i -> IpAddress.ipv4(0x0a00_0000 | i));
    Arbitrary<Packet> packet = Combinators.combine(addr, addr, Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, 65535), Arbitraries.of(22, 53, 80, 443, 6379, 8080, 2239, 30000))
        .as((s, d, kind, sp, dp) -> switch (kind) {
          case 0 -> Packet.tcp(s, sp, d, dp);
          case 1 -> Packet.udp(s, sp, d, dp);
          case 2 -> Packet.sctp(s, sp, d, dp);
          case 3 -> Packet.icmp(s, d, dp % 20, 0);
          default -> new Packet(s, d, 47, new L4.None());
        });
    Arbitrary<Optional<String>> iface = Arbitraries.of("eth0", "eth1", "cali1a2b3c", "lo", "vxlan.calico")
        .optional(0.8);
    Arbitrary<CtInfo> ct = Arbitraries.of(dev.weft.model.netfilter.ConnState.INVALID, dev.weft.model.netfilter.ConnState.NEW,
        dev.weft.model.netfilter.ConnState.ESTABLISHED, dev.weft.model.netfilter.ConnState.RELATED,
        dev.weft.model.netfilter.ConnState.UNTRACKED).flatMap(s -> Combinators.combine(Arbitraries.of(true, false),
        Arbitraries.of(true, false)).as((a, b) -> new CtInfo(s, a, b)));
    return Combinators.combine(packet, iface, iface, Arbitraries.longs().between(0, 3), ct)
        .as((p, in, out, mark, c) -> new PacketContext(p, in, out, mark, c, Optional.empty()));
  }

  @Property(tries = 1000)
  void walkerAgreesWithTheRecursiveReference(@ForAll("tables") NetfilterTable table, @ForAll("packets") PacketContext p) {
    Ruleset rs = Ruleset.of(List.of(table)).withIpsets(SETS);
    RulesetEvaluator evaluator = new RulesetEvaluator(rs, FACTS);
    Set<Out> expected = new Reference(table, evaluator.matcher()).run(p);
    Set<Out> actual = outs(evaluator.evaluate(Table.FILTER, Hook.FORWARD, p));
    net.jqwik.api.statistics.Statistics.label("outcomes").collect(actual.size() > 1 ? "several" : "one");
    net.jqwik.api.statistics.Statistics.label("verdicts").collect(actual.stream().map(Out::verdict).sorted().toList());
    assertThat(actual).isEqualTo(expected);
  }

  @Property(tries = 300)
  void tracingDoesNotChangeTheOutcomes(@ForAll("tables") NetfilterTable table, @ForAll("packets") PacketContext p) {
    RulesetEvaluator evaluator = new RulesetEvaluator(Ruleset.of(List.of(table)).withIpsets(SETS), FACTS);
    TableResult traced = evaluator.trace(Table.FILTER, Hook.FORWARD, p);
    assertThat(outs(traced)).isEqualTo(outs(evaluator.evaluate(Table.FILTER, Hook.FORWARD, p)));
    traced.outcomes().forEach(o -> assertThat(o.trace().getLast()).isInstanceOf(TraceStep.TableVerdict.class));
  }

  private static Set<Out> outs(TableResult r) {
    Set<Out> out = new HashSet<>();
    r.outcomes().forEach(o -> out.add(new Out(o.verdict(), o.packet().mark())));
    return out;
  }

  /** iptables control flow written as plainly as possible: recursion instead of a stack. */
  private record Reference(NetfilterTable table, MatchEvaluator matcher) {
    sealed interface Result {}

    record Done(Verdict verdict, long mark) implements Result {}

    record Returned(long mark) implements Result {}

    Set<Out> run(PacketContext p) {
      Policy policy = table.builtin(Hook.FORWARD).policy().orElseThrow();
      Set<Out> out = new HashSet<>();
      for (Result r : chain(Hook.FORWARD.chain(), 0, p)) {
        switch (r) {
          case Done d -> out.add(new Out(d.verdict(), d.mark()));
          case Returned ret -> out.add(new Out(policy == Policy.ACCEPT ? Verdict.ACCEPT : Verdict.DROP, ret.mark()));
        }
      }
      return out;
    }

    Set<Result> chain(ChainName name, int from, PacketContext p) {
      List<Rule> rules = table.chain(name).orElseThrow().rules();
      Set<Result> results = new HashSet<>();
      for (int i = from; i < rules.size(); i++) {
        Rule r = rules.get(i);
        Truth t = conjunction(r.matches(), p);
        boolean noEffect = r.target() instanceof Target.Log || r.target() instanceof Target.CountOnly;
        if (t == Truth.FALSE || (noEffect && t != Truth.TRUE)) {
          continue;
        }
        if (t == Truth.UNKNOWN) {
          results.add(new Done(Verdict.UNKNOWN, p.mark()));
          return results;
        }
        if (t == Truth.MAYBE) {
          results.addAll(chain(name, i + 1, p));
        }
        switch (r.target()) {
          case Target.Accept a -> results.add(new Done(Verdict.ACCEPT, p.mark()));
          case Target.Drop d -> results.add(new Done(Verdict.DROP, p.mark()));
          case Target.Reject j -> results.add(new Done(Verdict.REJECT, p.mark()));
          case Target.Return ret -> results.add(new Returned(p.mark()));
          case Target.Jump j -> {
            for (Result sub : chain(j.chain(), 0, p)) {
              switch (sub) {
                case Done d -> results.add(d);
                case Returned back -> results.addAll(chain(name, i + 1, p.withMark(back.mark())));
              }
            }
          }
          case Target.Goto g -> results.addAll(chain(g.chain(), 0, p));
          case Target.Mark m -> {
            results.addAll(chain(name, i + 1, p.withMark(m.apply(p.mark()))));
          }
          case Target.Log l -> results.addAll(chain(name, i + 1, p));
          case Target.CountOnly c -> results.addAll(chain(name, i + 1, p));
          default -> results.add(new Done(Verdict.UNKNOWN, p.mark()));
        }
        return results;
      }
      results.add(new Returned(p.mark()));
      return results;
    }

    /** Kleene conjunction: FALSE wins, then UNKNOWN, then MAYBE. */
    Truth conjunction(List<Match> matches, PacketContext p) {
      Set<Truth> seen = new HashSet<>();
      matches.forEach(m -> seen.add(matcher.match(m, p)));
      return seen.contains(Truth.FALSE) ? Truth.FALSE : seen.contains(Truth.UNKNOWN) ? Truth.UNKNOWN
          : seen.contains(Truth.MAYBE) ? Truth.MAYBE : Truth.TRUE;
    }
  }
}
