package dev.weft.topology.convert;

import dev.weft.document.Located;
import dev.weft.document.Origin;
import dev.weft.model.Interface;
import dev.weft.model.InterfaceKind;
import dev.weft.model.InterfaceRef;
import dev.weft.model.NeighborEntry;
import dev.weft.model.route.Route;
import dev.weft.model.route.RouteOrigin;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import dev.weft.topology.TopologyProblem;
import dev.weft.topology.spec.OverlaySpec;
import dev.weft.topology.spec.OverlaySpec.VxlanMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Generates the tunnel devices of each overlay on each member host. VXLAN L2: one device per member, a
 * port of its bridge, with a static flood list of the other members unless learning. VXLAN L3 (flannel's
 * layout): the device holds the member subnet's {@code .0/32}, and each other member gets a neighbour
 * entry, an FDB entry and an onlink route. GRE: a gretap device per pair of members, a port of the bridge.
 * Cost is linear in the devices and entries generated (quadratic in the members of one overlay, as
 * full-mesh tunnels are).
 */
final class OverlayConverter {
  private final Draft draft;
  private final MemberResolver members;
  private final OverlayFacts facts = new OverlayFacts();
  private final Map<Name, Origin> overlayNames = new HashMap<>();
  private final Map<String, Origin> vxlanIds = new HashMap<>();

  OverlayConverter(Draft draft, MemberResolver members) {
    this.draft = draft;
    this.members = members;
  }

  OverlayFacts convert(List<OverlaySpec> overlays) {
    for (OverlaySpec o : overlays) {
      Origin first = overlayNames.putIfAbsent(o.name().value(), o.name().origin());
      if (first != null) {
        draft.diagnostics().error(TopologyProblem.DUPLICATE_NAME, o.name().origin(), "overlay name '" + o.name().value()
            + "' is already used (line " + first.location().line() + ")", "a name no other overlay has");
        continue;
      }
      List<Member> resolved = members.resolve(o);
      if (resolved.size() < 2) {
        continue;
      }
      switch (o) {
        case OverlaySpec.Vxlan v when v.mode().value() == VxlanMode.L3 -> vxlanL3(v, resolved);
        case OverlaySpec.Vxlan v -> vxlanL2(v, resolved);
        case OverlaySpec.Gre g -> gre(g, resolved);
      }
    }
    return facts;
  }

  private void vxlanL2(OverlaySpec.Vxlan v, List<Member> ms) {
    for (Member m : ms) {
      List<InterfaceKind.FdbEntry> flood = v.learning() ? List.of()
          : ms.stream().filter(o -> o != m).map(o -> new InterfaceKind.FdbEntry(Mac.ZERO, o.local())).toList();
      InterfaceKind.Vxlan kind = new InterfaceKind.Vxlan(v.vni().value(), m.local(), v.port(), v.learning(), flood);
      vxlanDevice(v, m, kind, List.of()).ifPresent(dev -> {
        draft.bridgePort(dev, m.bridge());
        facts.joinL2(m.bridge(), ms.getFirst().bridge());
      });
    }
  }

  private void vxlanL3(OverlaySpec.Vxlan v, List<Member> ms) {
    List<Member> usable = new ArrayList<>();
    for (Member m : ms) {
      if (m.gateway().filter(g -> g.address().isIpv4()).isEmpty()) {
        draft.diagnostics().error(TopologyProblem.INVALID_WIRING, m.spec().bridge().origin(), "an L3 overlay routes to each"
            + " member's bridge subnet, but bridge " + m.bridge().name() + " on " + m.host() + " has no IPv4 gateway",
            "a bridge with a gateway like 10.244.1.1/24");
      } else {
        usable.add(m);
      }
    }
    Map<Member, Mac> macs = new HashMap<>();
    usable.forEach(m -> macs.put(m, Devices.mac(draft.topology(), new InterfaceRef(m.host(), deviceName(v)))));
    for (Member m : usable) {
      List<Member> others = usable.stream().filter(o -> o != m).toList();
      List<InterfaceKind.FdbEntry> fdb = others.stream().map(o -> new InterfaceKind.FdbEntry(macs.get(o), o.local())).toList();
      InterfaceKind.Vxlan kind = new InterfaceKind.Vxlan(v.vni().value(), m.local(), v.port(), v.learning(), fdb);
      Optional<InterfaceRef> dev = vxlanDevice(v, m, kind, List.of(new InterfaceAddress(subnet(m).first(), 32)));
      if (dev.isEmpty()) {
        continue;
      }
      facts.routed(m.bridge());
      for (Member o : others) {
        Cidr remote = subnet(o);
        draft.neighbor(m.host(), new NeighborEntry(dev.get().name(), remote.first(), macs.get(o)));
        draft.route(m.host(), new Route(remote, Optional.of(remote.first()), dev.get().name(), RouteOrigin.STATIC, 0, true));
      }
    }
  }

  private static Cidr subnet(Member m) {
    return m.gateway().orElseThrow().subnet();
  }

  private static InterfaceName deviceName(OverlaySpec.Vxlan v) {
    return v.device().map(Located::value).orElseGet(() -> InterfaceName.of("vxlan" + v.vni().value()));
  }

  private Optional<InterfaceRef> vxlanDevice(OverlaySpec.Vxlan v, Member m, InterfaceKind.Vxlan kind,
      List<InterfaceAddress> addresses) {
    Origin at = v.device().map(Located::origin).orElse(m.spec().origin());
    String id = m.host() + "/" + v.vni().value() + "/" + v.port();
    Origin clash = vxlanIds.putIfAbsent(id, m.spec().origin());
    if (clash != null) {
      draft.diagnostics().error(TopologyProblem.INVALID_WIRING, v.vni().origin(), "host " + m.host()
          + " already has a vxlan device with VNI " + v.vni().value() + " on port " + v.port() + " (line "
          + clash.location().line() + ")", "a VNI (or port) not used by another overlay on the same host");
      return Optional.empty();
    }
    return device(v, m, new InterfaceRef(m.host(), deviceName(v)), kind, addresses, at, "VXLAN");
  }

  private void gre(OverlaySpec.Gre g, List<Member> ms) {
    if (ms.size() > 2) {
      draft.diagnostics().warning(TopologyProblem.L2_LOOP, g.origin(), "overlay " + g.name().value() + " joins "
          + ms.size() + " bridges by a full mesh of gretap ports; without STP, flooded frames loop",
          "two members per GRE overlay, or vxlan for more");
    }
    Optional<Long> key = g.key().map(Located::value);
    for (Member m : ms) {
      for (Member peer : ms) {
        if (peer == m) {
          continue;
        }
        InterfaceKind.Gre kind = new InterfaceKind.Gre(m.local(), peer.local(), key, true);
        InterfaceRef ref = new InterfaceRef(m.host(), Devices.greName(peer.host()));
        device(g, m, ref, kind, List.of(), m.spec().origin(), "GRE").ifPresent(dev -> {
          draft.bridgePort(dev, m.bridge());
          facts.joinL2(m.bridge(), peer.bridge());
        });
      }
    }
  }

  /** Adds a tunnel device over the member's uplink, with the MTU the underlay leaves room for. */
  private Optional<InterfaceRef> device(OverlaySpec o, Member m, InterfaceRef ref, InterfaceKind kind,
      List<InterfaceAddress> addresses, Origin at, String what) {
    int limit = m.underlayMtu().value() - kind.encapsulationOverhead();
    if (limit < Mtu.MIN) {
      draft.diagnostics().error(TopologyProblem.INVALID_WIRING, m.spec().origin(), "uplink MTU " + m.underlayMtu()
          + " leaves no room for " + what + " headers (" + kind.encapsulationOverhead() + " bytes)",
          "an underlay MTU of at least " + (Mtu.MIN + kind.encapsulationOverhead()));
      return Optional.empty();
    }
    Mtu mtu = o.mtu().map(Located::value).orElse(new Mtu(limit));
    String why = what + " over the " + m.underlayMtu() + "-byte uplink " + m.uplink().name() + " of " + m.host()
        + " (overlay " + o.name().value() + ")";
    o.mtu().filter(x -> x.value().value() > limit).ifPresent(x -> draft.diagnostics().warning(
        TopologyProblem.MTU_TOO_LARGE, x.origin(), "MTU " + x.value() + " of device " + ref + " does not fit " + why
            + ", which carries at most " + limit, "an MTU of at most " + limit));
    facts.limit(m.bridge(), Math.min(limit, mtu.value()), mtu.value() < limit
        ? "the " + mtu + "-byte tunnel device " + ref + " (overlay " + o.name().value() + ")" : why);
    Interface device = new Interface(ref, kind, Devices.mac(draft.topology(), ref), mtu, addresses, true);
    if (!draft.addInterface(device, at, addresses.stream().map(a -> at).toList())) {
      return Optional.empty();
    }
    draft.tunnelOver(ref, m.uplink());
    return Optional.of(ref);
  }
}
