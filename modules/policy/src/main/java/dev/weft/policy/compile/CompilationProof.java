package dev.weft.policy.compile;

import dev.weft.model.netfilter.Hook;
import dev.weft.model.netfilter.Table;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.PortRange;
import dev.weft.netfilter.eval.HostFacts;
import dev.weft.netfilter.eval.Packet;
import dev.weft.netfilter.eval.PacketContext;
import dev.weft.netfilter.eval.RulesetEvaluator;
import dev.weft.netfilter.eval.Verdict;
import dev.weft.policy.analysis.ConnectivityEngine;
import dev.weft.policy.analysis.EndpointClass;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.Protocol;
import dev.weft.policy.ports.PortSet;
import dev.weft.policy.semantics.Endpoint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Proves a compilation right: for every endpoint class pair (every pod of each pod class, the first address of
 * every atom of each external class) and every port class, the compiled chains, run through the netfilter
 * evaluator at filter/FORWARD as a NEW connection, accept exactly when the semantics allow. Admin tiers are
 * not compiled, so they are left out of the cluster being checked.
 */
public final class CompilationProof {
  private CompilationProof() {}

  /** One disagreement between the chains and the semantics. */
  public record Mismatch(String source, String destination, Protocol protocol, int port, boolean allowedBySemantics, Set<Verdict> chains) {}

  /** How many (source, destination, port class) combinations were checked, and every mismatch. */
  public record Result(long checked, List<Mismatch> mismatches) {
    public Result {
      mismatches = List.copyOf(mismatches);
    }

    public boolean proven() {
      return mismatches.isEmpty();
    }
  }

  public static Result check(Cluster cluster) {
    Cluster npOnly = cluster.withAdminPolicies(List.of(), Optional.empty());
    CompiledPolicies compiled = NetworkPolicyCompiler.compile(npOnly);
    RulesetEvaluator chains = new RulesetEvaluator(compiled.ruleset(), HostFacts.withLocalAddresses(Set.of()));
    ConnectivityEngine engine = ConnectivityEngine.build(npOnly);
    List<Endpoint> endpoints = new ArrayList<>();
    for (EndpointClass c : engine.classes()) {
      switch (c.kind()) {
        case PODS -> c.pods().forEach(p -> endpoints.add(Endpoint.of(p)));
        case EXTERNAL -> c.external().forEach(cidr -> endpoints.add(Endpoint.of(cidr.first())));
        case HOST_NETWORK_PODS -> { }
      }
    }
    List<PortSet> ports = engine.portClasses();
    long checked = 0;
    List<Mismatch> bad = new ArrayList<>();
    for (Endpoint s : endpoints) {
      for (Endpoint d : endpoints) {
        if (s.equals(d) || (s instanceof Endpoint.External && d instanceof Endpoint.External)) {
          continue;
        }
        PortSet allowed = engine.allowed(s, d).orElseThrow();
        for (PortSet cls : ports) {
          Protocol proto = cls.ranges().keySet().iterator().next();
          PortRange range = cls.ranges(proto).getFirst();
          for (int port : range.first() == range.last() ? new int[] {range.first()} : new int[] {range.first(), range.last()}) {
            checked++;
            boolean want = allowed.contains(proto, port);
            Set<Verdict> got = chains.evaluate(Table.FILTER, Hook.FORWARD, PacketContext.of(packet(proto, s.ip(), d.ip(), port))).verdicts();
            if (!got.equals(EnumSet.of(want ? Verdict.ACCEPT : Verdict.DROP))) {
              bad.add(new Mismatch(s.toString(), d.toString(), proto, port, want, got));
            }
          }
        }
      }
    }
    return new Result(checked, bad);
  }

  private static Packet packet(Protocol p, IpAddress src, IpAddress dst, int port) {
    return switch (p) {
      case TCP -> Packet.tcp(src, 40000, dst, port);
      case UDP -> Packet.udp(src, 40000, dst, port);
      case SCTP -> Packet.sctp(src, 40000, dst, port);
    };
  }
}
