package dev.weft.topology.convert;

import dev.weft.document.Origin;
import dev.weft.model.Interface;
import dev.weft.model.InterfaceKind;
import dev.weft.model.InterfaceRef;
import dev.weft.model.NetworkMode;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.IpAddress;
import dev.weft.topology.TopologyProblem;
import dev.weft.topology.spec.HostSpec;
import dev.weft.topology.spec.HostSpec.PodGroupSpec;
import dev.weft.topology.spec.NamespaceSpec;
import dev.weft.topology.spec.TopologySpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks on the assembled draft: one owner per address; container addresses inside the subnet of the
 * bridge they are wired to; modes that agree with the wiring; interfaces that nothing connects; inner
 * MTUs that fit the overlays of their bridge. Each is one pass over interfaces or namespaces.
 */
final class WiringChecks {
  private final Draft draft;
  private final OverlayFacts facts;

  WiringChecks(Draft draft, OverlayFacts facts) {
    this.draft = draft;
    this.facts = facts;
  }

  void check(TopologySpec spec) {
    uniqueAddresses();
    Set<String> mtuWarned = new HashSet<>();
    for (Draft.Iface i : draft.interfaces().values()) {
      if (i.iface().kind() instanceof InterfaceKind.Veth) {
        containerEnd(i, mtuWarned);
      } else if (i.iface().kind() instanceof InterfaceKind.Bridge) {
        bridgeMtu(i);
      }
    }
    for (HostSpec host : spec.hosts()) {
      host.namespaces().forEach(this::namespaceMode);
      host.pods().forEach(p -> podMode(host, p));
    }
  }

  private void uniqueAddresses() {
    Map<IpAddress, Draft.Iface> owners = new HashMap<>();
    for (Draft.Iface i : draft.interfaces().values()) {
      if (i.iface().kind() instanceof InterfaceKind.Loopback) {
        continue;
      }
      List<InterfaceAddress> addresses = i.iface().addresses();
      for (int k = 0; k < addresses.size(); k++) {
        Draft.Iface first = owners.putIfAbsent(addresses.get(k).address(), i);
        if (first != null) {
          draft.diagnostics().error(TopologyProblem.DUPLICATE_ADDRESS, i.addressOrigins().get(k), "address "
              + addresses.get(k).address() + " is already on " + first.ref() + " (line "
              + first.origin().location().line() + ")", "an address no other interface has");
        }
      }
    }
  }

  /** A container's veth end: its bridge's subnet, its MTU against the bridge's overlays, and that it is wired. */
  private void containerEnd(Draft.Iface i, Set<String> mtuWarned) {
    InterfaceRef ref = i.ref();
    if (draft.namespace(ref.namespace()).map(ns -> ns.isHostRoot()).orElse(true)) {
      return;
    }
    Optional<InterfaceRef> peer = draft.peer(ref);
    if (peer.isEmpty()) {
      if (draft.hasErrorsIn(ref.namespace()) || draft.namespace(ref.namespace()).map(ns -> draft.hasErrorsIn(ns.host()))
          .orElse(false)) {
        return; // most likely the veth meant for it was reported broken
      }
      draft.diagnostics().warning(TopologyProblem.UNCONNECTED, i.origin(), "interface " + ref
          + " is the end of no veth, so nothing can reach it", "a veth in the host's veths: naming \"" + ref + "\"");
      return;
    }
    Optional<InterfaceRef> bridge = draft.master(peer.get());
    if (bridge.isEmpty()) {
      return;
    }
    Interface br = draft.iface(bridge.get()).orElseThrow().iface();
    List<InterfaceAddress> addresses = i.iface().addresses();
    for (int k = 0; k < addresses.size(); k++) {
      InterfaceAddress a = addresses.get(k);
      List<InterfaceAddress> sameFamily = br.addresses().stream().filter(g -> g.family() == a.family()).toList();
      if (!sameFamily.isEmpty() && sameFamily.stream().noneMatch(g -> g.subnet().contains(a.address()))) {
        draft.diagnostics().error(TopologyProblem.OUTSIDE_SUBNET, i.addressOrigins().get(k), "address " + a + " of "
            + ref + " is outside the subnet " + sameFamily.getFirst().subnet() + " of bridge " + br.ref().name()
            + " it is wired to", "an address in " + sameFamily.getFirst().subnet());
      }
    }
    facts.limit(bridge.get()).filter(l -> i.iface().mtu().value() > l.mtu())
        .filter(l -> mtuWarned.add(i.origin().toString()))
        .ifPresent(l -> draft.diagnostics().warning(TopologyProblem.MTU_TOO_LARGE, i.origin(), "MTU " + i.iface().mtu()
            + " of " + ref + " on bridge " + br.ref().name() + " does not fit " + l.why() + ", which carries at most "
            + l.mtu(), "an MTU of at most " + l.mtu()));
  }

  private void bridgeMtu(Draft.Iface bridge) {
    facts.limit(bridge.ref()).filter(l -> bridge.iface().mtu().value() > l.mtu()).ifPresent(l ->
        draft.diagnostics().warning(TopologyProblem.MTU_TOO_LARGE, bridge.origin(), "MTU " + bridge.iface().mtu()
            + " of bridge " + bridge.ref().name() + " on " + bridge.ref().namespace() + " does not fit " + l.why()
            + ", which carries at most " + l.mtu(), "mtu: " + l.mtu() + " or less"));
  }

  private void namespaceMode(NamespaceSpec ns) {
    NetworkMode mode = ns.mode().value();
    if (mode != NetworkMode.BRIDGE && mode != NetworkMode.OVERLAY) {
      return;
    }
    Set<InterfaceRef> bridges = new HashSet<>();
    for (NamespaceSpec.InterfaceSpec i : ns.interfaces()) {
      draft.peer(new InterfaceRef(ns.name().value(), i.name().value())).flatMap(draft::master).ifPresent(bridges::add);
    }
    modeAgrees(ns.mode().value(), ns.mode().origin(), bridges, "namespace " + ns.name().value());
  }

  private void podMode(HostSpec host, PodGroupSpec pods) {
    InterfaceRef bridge = new InterfaceRef(host.name().value(), pods.bridge().value());
    if (draft.iface(bridge).isPresent()) {
      modeAgrees(pods.mode().value(), pods.mode().origin(), Set.of(bridge), "pods " + pods.name().value());
    }
  }

  private void modeAgrees(NetworkMode mode, Origin at, Set<InterfaceRef> bridges, String who) {
    boolean onOverlay = bridges.stream().anyMatch(facts::isMember);
    if (mode == NetworkMode.OVERLAY && !onOverlay) {
      draft.diagnostics().error(TopologyProblem.MODE_CONFLICT, at, who + " has mode overlay, but "
          + (bridges.isEmpty() ? "is wired to no bridge" : "its bridge is in no overlay"),
          "a veth to a bridge that is a member of an overlay, or mode bridge");
    } else if (mode == NetworkMode.BRIDGE && onOverlay) {
      draft.diagnostics().warning(TopologyProblem.MODE_CONFLICT, at, who + " has mode bridge, but its bridge is a member"
          + " of an overlay", "mode overlay for containers on an overlay bridge");
    }
  }
}
