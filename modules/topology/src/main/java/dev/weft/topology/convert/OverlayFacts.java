package dev.weft.topology.convert;

import dev.weft.model.InterfaceRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the overlays mean for the checks that follow: which bridges share one L2 domain (union-find over
 * L2 tunnels), which are routed to from other hosts (L3 overlay members), and the smallest inner MTU each
 * member bridge's overlays can carry.
 */
final class OverlayFacts {
  /** The tightest MTU an overlay allows inside a bridge, with a description for the warning. */
  record Limit(int mtu, String why) {}

  private final Map<InterfaceRef, InterfaceRef> parent = new HashMap<>();
  private final Set<InterfaceRef> routed = new HashSet<>();
  private final Set<InterfaceRef> members = new HashSet<>();
  private final Map<InterfaceRef, Limit> limits = new HashMap<>();

  void joinL2(InterfaceRef a, InterfaceRef b) {
    members.add(a);
    members.add(b);
    InterfaceRef ra = root(a);
    InterfaceRef rb = root(b);
    if (!ra.equals(rb)) {
      parent.put(ra, rb);
    }
  }

  void routed(InterfaceRef bridge) {
    members.add(bridge);
    routed.add(bridge);
  }

  void limit(InterfaceRef bridge, int mtu, String why) {
    limits.merge(bridge, new Limit(mtu, why), (x, y) -> x.mtu() <= y.mtu() ? x : y);
  }

  /** The representative of the bridge's L2 domain (itself when it is in no L2 overlay). */
  InterfaceRef root(InterfaceRef bridge) {
    InterfaceRef r = bridge;
    while (parent.containsKey(r)) {
      r = parent.get(r);
    }
    InterfaceRef at = bridge;
    while (!at.equals(r)) { // path compression keeps lookups near-constant
      InterfaceRef next = parent.get(at);
      parent.put(at, r);
      at = next;
    }
    return r;
  }

  boolean isRouted(InterfaceRef bridge) {
    return routed.contains(bridge);
  }

  boolean isMember(InterfaceRef bridge) {
    return members.contains(bridge);
  }

  Optional<Limit> limit(InterfaceRef bridge) {
    return Optional.ofNullable(limits.get(bridge));
  }

  Map<InterfaceRef, Limit> limits() {
    return limits;
  }
}
