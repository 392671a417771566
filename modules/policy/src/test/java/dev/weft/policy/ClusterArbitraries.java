package dev.weft.policy;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.PortRange;
import dev.weft.policy.model.AdminAction;
import dev.weft.policy.model.AdminNetworkPolicy;
import dev.weft.policy.model.AdminPeer;
import dev.weft.policy.model.AdminRule;
import dev.weft.policy.model.AdminSubject;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.ClusterBuilder;
import dev.weft.policy.model.ContainerPort;
import dev.weft.policy.model.Direction;
import dev.weft.policy.model.LabelRequirement;
import dev.weft.policy.model.LabelSelector;
import dev.weft.policy.model.Labels;
import dev.weft.policy.model.NetworkPolicy;
import dev.weft.policy.model.Peer;
import dev.weft.policy.model.PodId;
import dev.weft.policy.model.PolicyRule;
import dev.weft.policy.model.PortMatch;
import dev.weft.policy.model.Protocol;
import dev.weft.policy.model.SelectorOperator;
import dev.weft.policy.model.WorkloadId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random small clusters that hit the corners: few label values (so selectors overlap), a tiny pod CIDR (so
 * ipBlocks catch pods), named ports with clashing protocols, hostNetwork pods, and the admin tiers.
 */
public final class ClusterArbitraries {
  public static final List<String> EXTERNAL_PROBES = List.of("203.0.113.7", "203.0.113.200", "8.8.8.8", "192.168.1.1");
  private static final List<String> NAMESPACES = List.of("n0", "n1", "n2");
  private static final List<String> APPS = List.of("web", "db", "api");

  private ClusterArbitraries() {}

  public static Arbitrary<Cluster> clusters(boolean withAdmin) {
    Arbitrary<List<PodDraft>> pods = podDrafts().list().ofMinSize(1).ofMaxSize(8);
    Arbitrary<List<NetworkPolicy>> nps = policies().list().ofMaxSize(5);
    Arbitrary<List<AdminNetworkPolicy>> anps = withAdmin ? admins().list().ofMaxSize(2) : Arbitraries.just(List.of());
    Arbitrary<Optional<AdminNetworkPolicy>> banp = withAdmin ? baseline().optional(0.5) : Arbitraries.just(Optional.empty());
    Arbitrary<List<String>> envs = Arbitraries.of("prod", "dev").list().ofSize(NAMESPACES.size());
    return Combinators.combine(pods, nps, anps, banp, envs).as((ps, ns, as, b, es) -> {
      ClusterBuilder cb = new ClusterBuilder().podCidr(Cidr.parse("10.0.0.0/27"));
      for (int i = 0; i < NAMESPACES.size(); i++) {
        cb.namespace(NAMESPACES.get(i), Labels.of("env", es.get(i)));
      }
      int k = 0;
      for (PodDraft p : ps) {
        String name = "p" + k++;
        // consecutive pods of one namespace share a workload, so workloads have pods that policies may tell apart
        cb.pod(new PodId(p.ns, name), p.labels, p.ports, Optional.empty(), p.host, new WorkloadId("Deployment", p.ns, "w" + (k / 3)));
      }
      ns.stream().distinct().forEach(cb::policy);
      as.forEach(cb::admin);
      b.ifPresent(cb::admin);
      return cb.build();
    });
  }

  private record PodDraft(String ns, Labels labels, List<ContainerPort> ports, boolean host) {}

  private static Arbitrary<PodDraft> podDrafts() {
    Arbitrary<String> ns = Arbitraries.of(NAMESPACES);
    Arbitrary<Labels> labels = Combinators.combine(Arbitraries.of(APPS), Arbitraries.of("front", "back", "")).as((a, t) -> t.isEmpty() ? Labels.of("app", a) : Labels.of("app", a, "tier", t));
    Arbitrary<List<ContainerPort>> ports = Arbitraries.of(
            ContainerPort.named("http", 80, Protocol.TCP),
            ContainerPort.named("http", 8080, Protocol.TCP),
            ContainerPort.named("dns", 53, Protocol.UDP),
            ContainerPort.named("dns", 53, Protocol.TCP),
            ContainerPort.named("sig", 80, Protocol.SCTP),
            new ContainerPort(Optional.empty(), 9090, Protocol.TCP))
        .list().ofMaxSize(3).uniqueElements(c -> c.name().orElse("") + c.protocol());
    return Combinators.combine(ns, labels, ports, Arbitraries.of(true, false, false, false, false, false, false, false))
        .as(PodDraft::new);
  }

  static Arbitrary<LabelSelector> podSelectors() {
    return Arbitraries.oneOf(
        Arbitraries.just(LabelSelector.ALL),
        Arbitraries.of(APPS).map(a -> LabelSelector.of("app", a)),
        Arbitraries.of(APPS).map(a -> new LabelSelector(Labels.EMPTY, List.of(new LabelRequirement("app", SelectorOperator.NOT_IN, List.of(a))))),
        Arbitraries.just(new LabelSelector(Labels.EMPTY, List.of(new LabelRequirement("tier", SelectorOperator.EXISTS, List.of())))),
        Arbitraries.just(new LabelSelector(Labels.EMPTY, List.of(new LabelRequirement("tier", SelectorOperator.DOES_NOT_EXIST, List.of())))),
        Arbitraries.just(new LabelSelector(Labels.of("tier", "front"), List.of(new LabelRequirement("app", SelectorOperator.IN, List.of("web", "api"))))));
  }

  static Arbitrary<LabelSelector> namespaceSelectors() {
    return Arbitraries.oneOf(
        Arbitraries.just(LabelSelector.ALL),
        Arbitraries.of("prod", "dev").map(e -> LabelSelector.of("env", e)),
        Arbitraries.of(NAMESPACES).map(n -> LabelSelector.of("kubernetes.io/metadata.name", n)));
  }

  static Arbitrary<Cidr> cidrs() {
    return Arbitraries.of("10.0.0.0/28", "10.0.0.16/28", "10.0.0.0/27", "10.0.0.8/29", "203.0.113.0/24", "203.0.113.128/25", "0.0.0.0/0", "8.0.0.0/7")
        .map(Cidr::parse);
  }

  static Arbitrary<Peer> peers() {
    Arbitrary<Peer> sel = Combinators.combine(namespaceSelectors().optional(0.5), podSelectors().optional(0.6))
        .filter((n, p) -> n.isPresent() || p.isPresent())
        .as(Peer.SelectorPeer::new);
    Arbitrary<Peer> block = Combinators.combine(cidrs(), cidrs().list().ofMaxSize(2))
        .as((c, ex) -> (Peer) new Peer.IpBlock(c, ex.stream().filter(e -> c.contains(e) && !e.equals(c)).distinct().toList()));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, sel), net.jqwik.api.Tuple.of(1, block));
  }

  static Arbitrary<PortMatch> portMatches() {
    return Arbitraries.of(
        PortMatch.ProtocolPorts.single(Protocol.TCP, 80),
        PortMatch.ProtocolPorts.single(Protocol.UDP, 53),
        new PortMatch.ProtocolPorts(Protocol.TCP, new PortRange(8000, 9000)),
        PortMatch.ProtocolPorts.allOf(Protocol.SCTP),
        new PortMatch.NamedPort("http", Optional.of(Protocol.TCP)),
        new PortMatch.NamedPort("dns", Optional.of(Protocol.UDP)),
        new PortMatch.NamedPort("sig", Optional.of(Protocol.TCP)));
  }

  static Arbitrary<PolicyRule> rules() {
    return Combinators.combine(peers().list().ofMaxSize(2), portMatches().list().ofMaxSize(2)).as(PolicyRule::new);
  }

  public static Arbitrary<NetworkPolicy> policies() {
    Arbitrary<Optional<Set<Direction>>> types = Arbitraries.of(
        Optional.<Set<Direction>>empty(), Optional.of(Set.of(Direction.INGRESS)), Optional.of(Set.of(Direction.EGRESS)),
        Optional.of((Set<Direction>) EnumSet.allOf(Direction.class)));
    return Combinators.combine(Arbitraries.of(NAMESPACES), Arbitraries.integers().between(0, 3), podSelectors(), types, rules().list().ofMaxSize(2), rules().list().ofMaxSize(2))
        .as((ns, n, sel, t, in, out) -> new NetworkPolicy(ns, "np" + n, sel, t, in, out));
  }

  static Arbitrary<AdminPeer> adminPeers(boolean egress) {
    Arbitrary<AdminPeer> pods = Combinators.combine(namespaceSelectors(), podSelectors()).as(AdminPeer.Pods::new);
    if (!egress) {
      return pods;
    }
    return Arbitraries.oneOf(pods, cidrs().list().ofMinSize(1).ofMaxSize(2).map(AdminPeer.Networks::new));
  }

  static Arbitrary<List<AdminRule>> adminRules(boolean egress, boolean baseline) {
    Arbitrary<AdminAction> actions = baseline ? Arbitraries.of(AdminAction.ALLOW, AdminAction.DENY) : Arbitraries.of(AdminAction.class);
    return Combinators.combine(actions, adminPeers(egress).list().ofMinSize(1).ofMaxSize(2), portMatches().list().ofMaxSize(2))
        .as((a, p, ports) -> new AdminRule("r", a, p, ports)).list().ofMaxSize(3);
  }

  static Arbitrary<AdminNetworkPolicy> admins() {
    Arbitrary<AdminSubject> subject = Combinators.combine(namespaceSelectors(), podSelectors()).as(AdminSubject::new);
    return Combinators.combine(Arbitraries.integers().between(0, 1000), subject, adminRules(false, false), adminRules(true, false))
        .as((pr, s, in, out) -> AdminNetworkPolicy.admin("anp" + pr, pr, s, in, out));
  }

  static Arbitrary<AdminNetworkPolicy> baseline() {
    Arbitrary<AdminSubject> subject = Combinators.combine(namespaceSelectors(), podSelectors()).as(AdminSubject::new);
    return Combinators.combine(subject, adminRules(false, true), adminRules(true, true)).as(AdminNetworkPolicy::baseline);
  }

  /** All pods plus the external probes, as endpoints. */
  public static List<dev.weft.policy.semantics.Endpoint> endpoints(Cluster c) {
    List<dev.weft.policy.semantics.Endpoint> out = new ArrayList<>();
    c.pods().forEach(p -> out.add(dev.weft.policy.semantics.Endpoint.of(p)));
    EXTERNAL_PROBES.forEach(ip -> out.add(dev.weft.policy.semantics.Endpoint.of(dev.weft.model.value.IpAddress.parse(ip))));
    return out;
  }
}
