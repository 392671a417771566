package dev.weft.policy.analysis;

import dev.weft.model.value.Cidr;
import dev.weft.policy.model.AdminAction;
import dev.weft.policy.model.AdminNetworkPolicy;
import dev.weft.policy.model.AdminPeer;
import dev.weft.policy.model.AdminRule;
import dev.weft.policy.model.Direction;
import dev.weft.policy.model.NetworkPolicy;
import dev.weft.policy.model.Peer;
import dev.weft.policy.model.PolicyRule;
import dev.weft.policy.model.PortMatch;
import dev.weft.policy.ports.PortSet;
import dev.weft.policy.semantics.RuleRef;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Lowers policies onto the class engine's vocabulary: the predicates they ask, the static port sets they
 * name, the named ports they resolve, and the CIDRs that cut the external address space. The same walk
 * serves the batch build (collect everything first) and incremental updates (one policy).
 */
final class PolicyLowering {
  private PolicyLowering() {}

  /** What one policy needs from the engine before it can be compiled. */
  record Needs(List<ClassPredicate> predicates, List<PortSet> portSets, List<PortMatch.NamedPort> namedPorts, List<Cidr> cidrs) {}

  static Needs needs(NetworkPolicy np) {
    Needs n = new Needs(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    n.predicates.add(ClassPredicate.Selector.inNamespace(np.namespace(), np.podSelector()));
    for (Direction d : Direction.values()) {
      for (PolicyRule r : np.rules(d)) {
        r.peers().forEach(p -> n.predicates.add(predicate(np, p)));
        r.peers().forEach(p -> {
          if (p instanceof Peer.IpBlock b) {
            n.cidrs.add(b.cidr());
            n.cidrs.addAll(b.except());
          }
        });
        ports(r.ports(), n);
      }
    }
    return n;
  }

  static Needs needs(AdminNetworkPolicy anp) {
    Needs n = new Needs(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    n.predicates.add(ClassPredicate.Selector.inNamespaces(anp.subject().namespaceSelector(), anp.subject().podSelector()));
    for (Direction d : Direction.values()) {
      for (AdminRule r : anp.rules(d)) {
        r.peers().forEach(p -> n.predicates.add(predicate(p)));
        r.peers().forEach(p -> {
          if (p instanceof AdminPeer.Networks nw) {
            n.cidrs.addAll(nw.cidrs());
          }
        });
        ports(r.ports(), n);
      }
    }
    return n;
  }

  private static void ports(List<PortMatch> ports, Needs n) {
    for (PortMatch m : ports) {
      switch (m) {
        case PortMatch.AnyPort a -> n.portSets.add(PortSet.ALL);
        case PortMatch.ProtocolPorts pp -> n.portSets.add(PortSet.of(pp.protocol(), pp.range()));
        case PortMatch.NamedPort np -> n.namedPorts.add(np);
      }
    }
  }

  static ClassPredicate predicate(NetworkPolicy np, Peer peer) {
    return switch (peer) {
      case Peer.IpBlock b -> new ClassPredicate.Addresses(List.of(b.cidr()), b.except());
      case Peer.SelectorPeer s -> new ClassPredicate.Selector(
          s.namespaceSelector().isPresent() ? Optional.empty() : Optional.of(np.namespace()),
          s.namespaceSelector(),
          s.podSelector().orElse(dev.weft.policy.model.LabelSelector.ALL));
    };
  }

  static ClassPredicate predicate(AdminPeer peer) {
    return switch (peer) {
      case AdminPeer.Pods p -> ClassPredicate.Selector.inNamespaces(p.namespaceSelector(), p.podSelector());
      case AdminPeer.Networks nw -> new ClassPredicate.Addresses(nw.cidrs(), List.of());
      // weft has no node endpoints: a predicate that no endpoint satisfies
      case AdminPeer.Nodes nodes -> new ClassPredicate.Addresses(List.of(), List.of());
    };
  }

  static CompiledPolicy compile(NetworkPolicy np, ToIntFunction<ClassPredicate> predicateId, ToIntFunction<PortSet> portId) {
    List<List<CompiledRule>> dirs = new ArrayList<>();
    for (Direction d : Direction.values()) {
      List<CompiledRule> out = new ArrayList<>();
      List<PolicyRule> rules = np.rules(d);
      for (int i = 0; i < rules.size(); i++) {
        PolicyRule r = rules.get(i);
        int[] peers = r.peers().stream().mapToInt(p -> predicateId.applyAsInt(predicate(np, p))).toArray();
        out.add(rule(new RuleRef("NetworkPolicy", np.qualifiedName(), d, i, ""), AdminAction.ALLOW, r.peers().isEmpty(), peers, r.ports(), portId));
      }
      dirs.add(out);
    }
    int subject = predicateId.applyAsInt(ClassPredicate.Selector.inNamespace(np.namespace(), np.podSelector()));
    EnumSet<Direction> iso = EnumSet.noneOf(Direction.class);
    iso.addAll(np.effectiveTypes());
    return new CompiledPolicy(np.qualifiedName(), CompiledPolicy.Tier.NETWORK_POLICY, subject, iso, dirs.get(0), dirs.get(1));
  }

  static CompiledPolicy compile(AdminNetworkPolicy anp, ToIntFunction<ClassPredicate> predicateId, ToIntFunction<PortSet> portId) {
    List<List<CompiledRule>> dirs = new ArrayList<>();
    String display = anp.baseline() ? anp.name() : anp.name() + " (priority " + anp.priority() + ")";
    for (Direction d : Direction.values()) {
      List<CompiledRule> out = new ArrayList<>();
      List<AdminRule> rules = anp.rules(d);
      for (int i = 0; i < rules.size(); i++) {
        AdminRule r = rules.get(i);
        int[] peers = r.peers().stream().mapToInt(p -> predicateId.applyAsInt(predicate(p))).toArray();
        out.add(rule(new RuleRef(anp.kind(), display, d, i, r.name()), r.action(), false, peers, r.ports(), portId));
      }
      dirs.add(out);
    }
    int subject = predicateId.applyAsInt(ClassPredicate.Selector.inNamespaces(anp.subject().namespaceSelector(), anp.subject().podSelector()));
    CompiledPolicy.Tier tier = anp.baseline() ? CompiledPolicy.Tier.BASELINE : CompiledPolicy.Tier.ADMIN;
    return new CompiledPolicy(anp.name(), tier, subject, EnumSet.noneOf(Direction.class), dirs.get(0), dirs.get(1));
  }

  private static CompiledRule rule(RuleRef ref, AdminAction action, boolean allPeers, int[] peers, List<PortMatch> ports, ToIntFunction<PortSet> portId) {
    PortSet fixed = ports.isEmpty() ? PortSet.ALL : PortSet.EMPTY;
    List<PortMatch.NamedPort> named = new ArrayList<>();
    for (PortMatch m : ports) {
      switch (m) {
        case PortMatch.AnyPort a -> fixed = PortSet.ALL;
        case PortMatch.ProtocolPorts pp -> fixed = fixed.union(PortSet.of(pp.protocol(), pp.range()));
        case PortMatch.NamedPort np -> named.add(np);
      }
    }
    return new CompiledRule(ref, action, allPeers, peers, portId.applyAsInt(fixed), named);
  }
}
