package dev.weft.lab.plan;

import dev.weft.lab.LabName;
import dev.weft.lab.kernel.AddressState;
import dev.weft.lab.kernel.FdbState;
import dev.weft.lab.kernel.LinkEnd;
import dev.weft.lab.kernel.LinkKind;
import dev.weft.lab.kernel.LinkState;
import dev.weft.lab.kernel.NamespaceState;
import dev.weft.lab.kernel.NeighbourState;
import dev.weft.lab.kernel.RouteState;
import dev.weft.lab.rules.RuleLayout;
import dev.weft.model.Interface;
import dev.weft.model.InterfaceKind;
import dev.weft.model.Namespace;
import dev.weft.model.NetworkModel;
import dev.weft.model.Segment;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.route.RouteOrigin;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Mtu;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a model into the kernel state of a lab.
 *
 * <p>Design note. Every namespace of the model with a stack of its own becomes a namespace (host-mode
 * containers share their host's); every segment becomes a namespace holding one bridge, into which each
 * attached uplink's veth peer is plugged, so hosts on one machine talk over a real L2 switch and nothing
 * is created outside the lab's namespaces. Interfaces keep their names, MACs, MTUs and addresses; veths
 * name their peer; static routes, permanent neighbours and VXLAN FDB entries are taken as they are;
 * connected routes are left to the kernel. Rule sets (a bridge's {@code ipMasq} included, which the
 * model holds as rules) are laid out by {@link RuleLayout}. What the kernel cannot be given (ipsets) is a
 * blocker; what it is given differently is a warning. Linear in the size of the model.
 */
public final class LabPlanner {
  private final RuleLayout layout = new RuleLayout();

  public LabPlan plan(NetworkModel model, LabName lab) {
    KernelNames names = new KernelNames(lab);
    List<String> warnings = new ArrayList<>();
    List<String> blockers = new ArrayList<>();
    List<PlannedNamespace> out = new ArrayList<>();
    for (Segment s : model.segments()) {
      out.add(new PlannedNamespace(names.segment(s.name()), LabRole.SEGMENT, s.name().value(),
          new SegmentPlanner(model, names).plan(s)));
    }
    for (Namespace ns : model.namespaces()) {
      if (!ns.sharesHostStack()) {
        out.add(new PlannedNamespace(names.stack(ns.name()), ns.isHostRoot() ? LabRole.HOST : LabRole.CONTAINER,
            ns.name().value(), stack(model, names, ns, warnings, blockers)));
      }
    }
    return new LabPlan(lab, model.name(), out, warnings, blockers);
  }

  private NamespaceState stack(NetworkModel model, KernelNames names, Namespace ns, List<String> warnings,
      List<String> blockers) {
    Map<InterfaceName, LinkState> links = new LinkedHashMap<>();
    Set<AddressState> addresses = new LinkedHashSet<>();
    Set<FdbState> fdb = new LinkedHashSet<>();
    for (Interface i : model.interfaces(ns.name())) {
      InterfaceName name = i.ref().name();
      LinkKind kind = kind(model, names, i, links);
      Optional<InterfaceName> master = model.master(i.ref()).map(m -> m.ref().name());
      boolean loopback = i.kind() instanceof InterfaceKind.Loopback;
      links.put(name, LinkState.desired(name, kind, i.mtu(), loopback ? Optional.empty() : Optional.of(i.mac()), master, i.up()));
      i.addresses().stream().filter(a -> !(loopback && a.address().isLoopback()))
          .forEach(a -> addresses.add(new AddressState(name, a)));
      switch (i.kind()) {
        case InterfaceKind.Vxlan v -> v.fdb().forEach(e -> fdb.add(new FdbState(name, e.mac(), e.remote())));
        case InterfaceKind.Bridge b when !b.fdbAgeing().equals(InterfaceKind.Bridge.DEFAULT_AGEING) ->
            warnings.add(i.ref() + ": fdbAgeing " + b.fdbAgeing().toSeconds() + " s is not applied (the driver has no"
                + " IFLA_BR_AGEING_TIME); the kernel ages entries after 300 s");
        case InterfaceKind.Veth v when v.hairpin() ->
            warnings.add(i.ref() + ": hairpin mode is not applied (the driver has no IFLA_BRPORT_MODE)");
        default -> { }
      }
    }
    Set<RouteState> routes = new LinkedHashSet<>();
    model.routes(ns.name()).routes().stream().filter(r -> r.origin() == RouteOrigin.STATIC)
        .forEach(r -> routes.add(new RouteState(r.destination(), r.gateway(), r.device(), r.onlink(),
            RouteState.storedMetric(r.destination(), r.metric()))));
    Set<NeighbourState> neighbours = new LinkedHashSet<>();
    model.neighbors(ns.name()).forEach(n -> neighbours.add(new NeighbourState(n.device(), n.address(), n.mac())));
    Ruleset declared = model.ruleset(ns.name());
    declared.ipsets().keySet().forEach(set -> blockers.add(ns.name() + "'s rules use ipset '" + set
        + "', and weft cannot create ipsets on this machine (no ipset tool, no ipset netlink in the driver)"));
    Ruleset rules = layout.layout(declared).kernel();
    return new NamespaceState(names.stack(ns.name()), links, addresses, routes, neighbours, fdb,
        LabSysctls.forNamespace(ns.ipForward()), rules);
  }

  /** The link kind of a model interface; adds the dangling peer of an unconnected veth or uplink to {@code links}. */
  private static LinkKind kind(NetworkModel model, KernelNames names, Interface i, Map<InterfaceName, LinkState> links) {
    return switch (i.kind()) {
      case InterfaceKind.Loopback l -> new LinkKind.Loopback();
      case InterfaceKind.Bridge b -> new LinkKind.Bridge();
      case InterfaceKind.Tap t -> new LinkKind.Tap();
      case InterfaceKind.Gre g -> new LinkKind.Gre(g.ethernet(), g.local(), g.remote(), g.key());
      case InterfaceKind.Vxlan v -> new LinkKind.Vxlan(v.vni(), Optional.of(v.local()), v.port(), v.learning(),
          model.underlayOf(i.ref()).filter(u -> u.ref().namespace().equals(i.ref().namespace())).map(u -> u.ref().name()));
      case InterfaceKind.Veth v -> model.peer(i.ref())
          .<LinkKind>map(p -> LinkKind.Veth.to(new LinkEnd(names.stack(p.ref().namespace()), p.ref().name())))
          .orElseGet(() -> dangling(names, i, links));
      case InterfaceKind.Physical p -> model.segmentOf(i.ref())
          .<LinkKind>map(s -> LinkKind.Veth.to(new LinkEnd(names.segment(s.name()), KernelNames.segmentPort(i.ref()))))
          .orElseGet(() -> dangling(names, i, links));
    };
  }

  private static LinkKind dangling(KernelNames names, Interface i, Map<InterfaceName, LinkState> links) {
    LinkEnd self = new LinkEnd(names.stack(i.ref().namespace()), i.ref().name());
    InterfaceName peer = KernelNames.danglingPeer(i.ref());
    links.put(peer, LinkState.desired(peer, LinkKind.Veth.to(self), i.mtu(), Optional.empty(), Optional.empty(), false));
    return LinkKind.Veth.to(new LinkEnd(self.namespace(), peer));
  }

  /** The bridge of a segment namespace and one port per attached uplink. */
  private record SegmentPlanner(NetworkModel model, KernelNames names) {
    NamespaceState plan(Segment s) {
      Map<InterfaceName, LinkState> links = new LinkedHashMap<>();
      links.put(KernelNames.LOOPBACK, LinkState.desired(KernelNames.LOOPBACK, new LinkKind.Loopback(), Mtu.LOOPBACK,
          Optional.empty(), Optional.empty(), true));
      links.put(KernelNames.SEGMENT_BRIDGE, LinkState.desired(KernelNames.SEGMENT_BRIDGE, new LinkKind.Bridge(), s.mtu(),
          Optional.empty(), Optional.empty(), true));
      for (Interface uplink : model.members(s.name())) {
        InterfaceName port = KernelNames.segmentPort(uplink.ref());
        LinkEnd peer = new LinkEnd(names.stack(uplink.ref().namespace()), uplink.ref().name());
        links.put(port, LinkState.desired(port, LinkKind.Veth.to(peer), uplink.mtu(), Optional.empty(),
            Optional.of(KernelNames.SEGMENT_BRIDGE), true));
      }
      return new NamespaceState(names.segment(s.name()), links, Set.of(), Set.of(), Set.of(), Set.of(),
          LabSysctls.forNamespace(false), Ruleset.empty());
    }
  }
}
