package dev.weft.policy.semantics;

import dev.weft.model.value.Cidr;
import dev.weft.policy.model.AdminAction;
import dev.weft.policy.model.AdminNetworkPolicy;
import dev.weft.policy.model.AdminPeer;
import dev.weft.policy.model.AdminRule;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.ContainerPort;
import dev.weft.policy.model.Direction;
import dev.weft.policy.model.NetworkPolicy;
import dev.weft.policy.model.Peer;
import dev.weft.policy.model.Pod;
import dev.weft.policy.model.PolicyRule;
import dev.weft.policy.model.PortMatch;
import dev.weft.policy.ports.PortSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reference semantics of NetworkPolicy v1 with the admin tiers, one endpoint pair at a time.
 *
 * <p>Design note. Each direction is evaluated on its own: the source pod's egress toward the destination and
 * the destination pod's ingress from the source; a connection needs both. Within a direction the tiers run
 * in order on the set of (protocol, port) pairs still undecided: AdminNetworkPolicies by priority, each rule
 * in order, first match wins (Allow/Deny decide, Pass hands the traffic to NetworkPolicy); then, if any
 * NetworkPolicy isolates the pod in that direction, the union of their matching rules is allowed and the rest
 * denied; otherwise the BaselineAdminNetworkPolicy's rules in order, and whatever is left is allowed. Named
 * ports resolve on the destination pod with their protocol. ipBlock and ANP networks match endpoints by IP,
 * pods included. A pod always reaches itself; pairs with a hostNetwork pod get no verdict.
 *
 * <p>This class reads the cluster directly, with plain interval arithmetic and no caching, so that it can serve
 * as the oracle for the class engine and the compiled chains. Cost per pair: O(policies × rules × peers).
 */
public final class PolicySemantics {
  private final Cluster cluster;

  public PolicySemantics(Cluster cluster) {
    this.cluster = cluster;
  }

  public Cluster cluster() {
    return cluster;
  }

  /** The allowed ports of a pair, or empty when a hostNetwork pod makes it undetermined. */
  public Optional<PortSet> allowedPorts(Endpoint source, Endpoint destination) {
    return evaluate(source, destination).allowed();
  }

  public ConnectionResult evaluate(Endpoint source, Endpoint destination) {
    if (source instanceof Endpoint.External && destination instanceof Endpoint.External) {
      throw new IllegalArgumentException("traffic between two external addresses is outside the cluster: " + source + " -> " + destination);
    }
    if (source instanceof Endpoint.PodEndpoint(Pod s) && destination instanceof Endpoint.PodEndpoint(Pod d) && s.id().equals(d.id())) {
      return new ConnectionResult(source, destination, ConnectionResult.Kind.SELF, Optional.empty(), Optional.empty(), Optional.of(PortSet.ALL));
    }
    if (isHostNetwork(source) || isHostNetwork(destination)) {
      return new ConnectionResult(source, destination, ConnectionResult.Kind.HOST_NETWORK, Optional.empty(), Optional.empty(), Optional.empty());
    }
    DirectionResult egress = direction(Direction.EGRESS, source, destination);
    DirectionResult ingress = direction(Direction.INGRESS, destination, source);
    return new ConnectionResult(source, destination, ConnectionResult.Kind.EVALUATED, Optional.of(egress), Optional.of(ingress),
        Optional.of(egress.allowed().intersect(ingress.allowed())));
  }

  private static boolean isHostNetwork(Endpoint e) {
    return e instanceof Endpoint.PodEndpoint(Pod p) && p.hostNetwork();
  }

  /** One direction: {@code subject} is the pod whose policies apply, {@code peer} the other end. */
  public DirectionResult direction(Direction dir, Endpoint subject, Endpoint peer) {
    Endpoint destination = dir == Direction.INGRESS ? subject : peer;
    if (!(subject instanceof Endpoint.PodEndpoint(Pod pod))) {
      return new DirectionResult(dir, subject, peer, false, List.of(), List.of(), List.of(), PortSet.ALL);
    }
    List<RuleEffect> effects = new ArrayList<>();
    List<String> admins = new ArrayList<>();
    PortSet remaining = PortSet.ALL;
    PortSet passed = PortSet.EMPTY;
    PortSet allowed = PortSet.EMPTY;
    anps:
    for (AdminNetworkPolicy anp : cluster.adminPolicies()) {
      if (!selects(anp, pod) || anp.rules(dir).isEmpty()) {
        continue;
      }
      admins.add(describe(anp));
      List<AdminRule> rules = anp.rules(dir);
      for (int i = 0; i < rules.size(); i++) {
        AdminRule rule = rules.get(i);
        if (remaining.isEmpty()) {
          break anps;
        }
        if (rule.peers().stream().noneMatch(p -> matches(p, peer))) {
          continue;
        }
        PortSet m = remaining.intersect(resolve(rule.ports(), destination));
        if (m.isEmpty()) {
          continue;
        }
        effects.add(new RuleEffect(new RuleRef(anp.kind(), describe(anp), dir, i, rule.name()), rule.action(), m));
        remaining = remaining.subtract(m);
        switch (rule.action()) {
          case ALLOW -> allowed = allowed.union(m);
          case PASS -> passed = passed.union(m);
          case DENY -> { }
        }
      }
    }
    PortSet toPolicies = remaining.union(passed);
    List<String> isolating = new ArrayList<>();
    for (NetworkPolicy np : cluster.policies()) {
      if (!np.namespace().equals(pod.namespace()) || !np.isolates(dir) || !np.podSelector().matches(pod.labels())) {
        continue;
      }
      isolating.add(np.qualifiedName());
      List<PolicyRule> rules = np.rules(dir);
      for (int i = 0; i < rules.size(); i++) {
        PolicyRule rule = rules.get(i);
        if (!rule.peers().isEmpty() && rule.peers().stream().noneMatch(p -> matches(p, np, peer))) {
          continue;
        }
        PortSet m = toPolicies.intersect(resolve(rule.ports(), destination));
        if (!m.isEmpty()) {
          effects.add(new RuleEffect(new RuleRef("NetworkPolicy", np.qualifiedName(), dir, i, ""), AdminAction.ALLOW, m));
          allowed = allowed.union(m);
        }
      }
    }
    if (isolating.isEmpty()) {
      allowed = allowed.union(baseline(dir, pod, peer, destination, toPolicies, effects, admins));
    }
    return new DirectionResult(dir, subject, peer, true, admins, isolating, effects, allowed);
  }

  /** The BANP tier on what NetworkPolicy left open; returns what it and the default allow let through. */
  private PortSet baseline(Direction dir, Pod pod, Endpoint peer, Endpoint destination, PortSet open, List<RuleEffect> effects, List<String> admins) {
    PortSet remaining = open;
    PortSet allowed = PortSet.EMPTY;
    Optional<AdminNetworkPolicy> banp = cluster.baseline();
    if (banp.isPresent() && selects(banp.get(), pod) && !banp.get().rules(dir).isEmpty()) {
      admins.add(describe(banp.get()));
      List<AdminRule> rules = banp.get().rules(dir);
      for (int i = 0; i < rules.size() && !remaining.isEmpty(); i++) {
        AdminRule rule = rules.get(i);
        if (rule.peers().stream().noneMatch(p -> matches(p, peer))) {
          continue;
        }
        PortSet m = remaining.intersect(resolve(rule.ports(), destination));
        if (!m.isEmpty()) {
          effects.add(new RuleEffect(new RuleRef(banp.get().kind(), describe(banp.get()), dir, i, rule.name()), rule.action(), m));
          remaining = remaining.subtract(m);
          if (rule.action() == AdminAction.ALLOW) {
            allowed = allowed.union(m);
          }
        }
      }
    }
    return allowed.union(remaining);
  }

  static String describe(AdminNetworkPolicy p) {
    return p.baseline() ? p.name() : p.name() + " (priority " + p.priority() + ")";
  }

  private boolean selects(AdminNetworkPolicy p, Pod pod) {
    return p.subject().namespaceSelector().matches(cluster.namespaceLabels(pod.namespace())) && p.subject().podSelector().matches(pod.labels());
  }

  private boolean matches(Peer peer, NetworkPolicy policy, Endpoint e) {
    return switch (peer) {
      case Peer.IpBlock block -> block.contains(e.ip());
      case Peer.SelectorPeer sel -> e instanceof Endpoint.PodEndpoint(Pod pod)
          && sel.namespaceSelector().map(ns -> ns.matches(cluster.namespaceLabels(pod.namespace()))).orElse(pod.namespace().equals(policy.namespace()))
          && sel.podSelector().map(ps -> ps.matches(pod.labels())).orElse(true);
    };
  }

  private boolean matches(AdminPeer peer, Endpoint e) {
    return switch (peer) {
      case AdminPeer.Pods p -> e instanceof Endpoint.PodEndpoint(Pod pod)
          && p.namespaceSelector().matches(cluster.namespaceLabels(pod.namespace())) && p.podSelector().matches(pod.labels());
      case AdminPeer.Networks n -> n.cidrs().stream().anyMatch((Cidr c) -> c.contains(e.ip()));
      case AdminPeer.Nodes ignored -> false;
    };
  }

  /** The ports a rule's port list means toward {@code destination}; named ports resolve on a destination pod. */
  static PortSet resolve(List<PortMatch> ports, Endpoint destination) {
    if (ports.isEmpty()) {
      return PortSet.ALL;
    }
    PortSet out = PortSet.EMPTY;
    for (PortMatch m : ports) {
      out = out.union(switch (m) {
        case PortMatch.AnyPort a -> PortSet.ALL;
        case PortMatch.ProtocolPorts pp -> PortSet.of(pp.protocol(), pp.range());
        case PortMatch.NamedPort np -> namedOn(np, destination);
      });
    }
    return out;
  }

  private static PortSet namedOn(PortMatch.NamedPort np, Endpoint destination) {
    PortSet out = PortSet.EMPTY;
    if (destination instanceof Endpoint.PodEndpoint(Pod pod)) {
      for (ContainerPort cp : pod.ports()) {
        if (cp.name().equals(Optional.of(np.name())) && np.protocol().map(p -> p == cp.protocol()).orElse(true)) {
          out = out.union(PortSet.of(cp.protocol(), cp.port()));
        }
      }
    }
    return out;
  }
}
