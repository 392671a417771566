package dev.weft.topology.convert;

import dev.weft.document.Origin;
import dev.weft.model.InterfaceKind;
import dev.weft.model.InterfaceRef;
import dev.weft.model.Namespace;
import dev.weft.model.route.PrefixMap;
import dev.weft.model.route.Route;
import dev.weft.model.route.RouteOrigin;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.Name;
import dev.weft.topology.TopologyProblem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds subnets that must not overlap: two bridges of one host; bridges of different hosts that are
 * routed to each other (members of an L3 overlay, or targets of another host's static route) unless an
 * L2 overlay makes them one domain; and any bridge against the underlay and external networks.
 *
 * <p>Design: claims are sorted by network address then prefix length; in that order two prefixes overlap
 * only when the earlier contains the later, so a stack of nested prefixes finds every overlap in one
 * sweep, O(n log n) plus the depth of nesting, instead of comparing all pairs.
 */
final class SubnetOverlapCheck {
  private enum Owner { BRIDGE, NETWORK }

  private record Claim(Cidr subnet, Owner owner, Optional<InterfaceRef> bridge, boolean routed, String label,
      Origin origin, int order) {}

  private final Draft draft;
  private final OverlayFacts facts;
  private final Networks networks;

  SubnetOverlapCheck(Draft draft, OverlayFacts facts, Networks networks) {
    this.draft = draft;
    this.facts = facts;
    this.networks = networks;
  }

  void check() {
    List<Claim> claims = new ArrayList<>();
    networks.declaredSubnets().forEach((c, o) -> claims.add(new Claim(c, Owner.NETWORK, Optional.empty(), false,
        "network subnet " + c, o, claims.size())));
    networks.usedSubnets().forEach((c, n) -> claims.add(new Claim(c, Owner.NETWORK, Optional.empty(), false,
        "subnet " + c + " of network " + n.value(), n.origin(), claims.size())));
    PrefixMap<List<Name>> routeTargets = routeTargets();
    for (Draft.Iface i : draft.interfaces().values()) {
      if (!(i.iface().kind() instanceof InterfaceKind.Bridge)) {
        continue;
      }
      for (InterfaceAddress a : i.iface().addresses()) {
        Cidr subnet = a.subnet();
        boolean routed = facts.isRouted(i.ref()) || routeTargets.allMatches(subnet.first()).stream()
            .anyMatch(hosts -> hosts.stream().anyMatch(h -> !h.equals(i.ref().namespace())));
        claims.add(new Claim(subnet, Owner.BRIDGE, Optional.of(i.ref()), routed,
            "subnet " + subnet + " of bridge " + i.ref().name() + " on " + i.ref().namespace(), i.origin(), claims.size()));
      }
    }
    sweep(claims);
  }

  private void sweep(List<Claim> claims) {
    claims.sort(Comparator.comparing((Claim c) -> c.subnet().first()).thenComparingInt(c -> c.subnet().prefixLength())
        .thenComparingInt(Claim::order));
    Deque<Claim> open = new ArrayDeque<>();
    for (Claim c : claims) {
      while (!open.isEmpty() && !open.peek().subnet().contains(c.subnet())) {
        open.pop();
      }
      for (Claim outer : open) {
        Optional<String> rule = conflict(outer, c);
        if (rule.isPresent()) {
          report(outer, c, rule.get());
          break;
        }
      }
      open.push(c);
    }
  }

  private Optional<String> conflict(Claim a, Claim b) {
    if (a.owner() == Owner.NETWORK && b.owner() == Owner.NETWORK) {
      return Optional.empty();
    }
    if (a.owner() == Owner.NETWORK || b.owner() == Owner.NETWORK) {
      return Optional.of("bridge subnets apart from the underlay and external networks");
    }
    InterfaceRef x = a.bridge().orElseThrow();
    InterfaceRef y = b.bridge().orElseThrow();
    if (x.namespace().equals(y.namespace())) {
      return x.equals(y) ? Optional.empty() : Optional.of("disjoint subnets for the bridges of one host");
    }
    if (facts.root(x).equals(facts.root(y)) || !(a.routed() || b.routed())) {
      return Optional.empty();
    }
    return Optional.of("disjoint subnets for bridges on different hosts that are routed to each other"
        + " (only an L2 overlay may share a subnet between hosts)");
  }

  /** Reported at the bridge, and between two bridges at the one written later. */
  private void report(Claim outer, Claim inner, String expected) {
    boolean innerIsCulprit = inner.owner() == Owner.BRIDGE
        && (outer.owner() == Owner.NETWORK || outer.origin().location().compareTo(inner.origin().location()) <= 0);
    Claim at = innerIsCulprit ? inner : outer;
    Claim other = innerIsCulprit ? outer : inner;
    String where = other.owner() == Owner.BRIDGE ? " (line " + other.origin().location().line() + ")" : "";
    draft.diagnostics().error(TopologyProblem.SUBNET_OVERLAP, at.origin(), at.label() + " overlaps " + other.label() + where,
        expected);
  }

  /** Non-default static routes, by destination, with the hosts whose namespaces hold them. */
  private PrefixMap<List<Name>> routeTargets() {
    List<Map.Entry<Cidr, List<Name>>> pairs = new ArrayList<>();
    for (Namespace ns : draft.namespaces().values()) {
      for (Route r : draft.routes(ns.name())) {
        if (r.origin() == RouteOrigin.STATIC && !r.isDefault()) {
          pairs.add(Map.entry(r.destination(), List.of(ns.host())));
        }
      }
    }
    return PrefixMap.of(pairs, (p, q) -> {
      List<Name> both = new ArrayList<>(p);
      both.addAll(q);
      return both;
    });
  }
}
