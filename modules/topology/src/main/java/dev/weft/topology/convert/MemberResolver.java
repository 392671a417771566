package dev.weft.topology.convert;

import dev.weft.document.DidYouMean;
import dev.weft.document.Diagnostic;
import dev.weft.document.Origin;
import dev.weft.model.InterfaceKind;
import dev.weft.model.InterfaceRef;
import dev.weft.model.SegmentKind;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.Name;
import dev.weft.topology.TopologyProblem;
import dev.weft.topology.spec.OverlaySpec;
import dev.weft.topology.spec.OverlaySpec.MemberSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resolves an overlay's members: their hosts, bridges, and the uplink each tunnel leaves by. */
final class MemberResolver {
  private final Draft draft;
  private final Networks networks;

  MemberResolver(Draft draft, Networks networks) {
    this.draft = draft;
    this.networks = networks;
  }

  /** The members that resolve; empty when fewer than two do, or their families differ. */
  List<Member> resolve(OverlaySpec overlay) {
    List<Member> out = new ArrayList<>();
    Map<Name, Origin> hosts = new HashMap<>();
    for (MemberSpec m : overlay.members()) {
      Origin first = hosts.putIfAbsent(m.host().value(), m.origin());
      if (first != null) {
        draft.diagnostics().error(TopologyProblem.DUPLICATE_NAME, m.host().origin(), "host " + m.host().value()
            + " is already a member of overlay " + overlay.name().value() + " (line " + first.location().line() + ")",
            "each host once per overlay");
        continue;
      }
      resolve(m).ifPresent(out::add);
    }
    if (overlay.members().size() < 2) {
      draft.diagnostics().error(TopologyProblem.INVALID_WIRING, overlay.origin(), "overlay " + overlay.name().value()
          + " has " + overlay.members().size() + " member(s): a tunnel needs another end", "at least two members");
      return List.of();
    }
    if (out.stream().map(x -> x.local().family()).distinct().count() > 1) {
      draft.diagnostics().error(TopologyProblem.INVALID_WIRING, overlay.origin(), "members of overlay "
          + overlay.name().value() + " tunnel over both IPv4 and IPv6 underlay addresses", "one address family");
      return List.of();
    }
    return out;
  }

  private Optional<Member> resolve(MemberSpec m) {
    Name host = m.host().value();
    if (draft.host(host).isEmpty()) {
      draft.diagnostics().add(Diagnostic.error(TopologyProblem.UNKNOWN_REFERENCE, m.host().origin(), "no host named " + host)
          .expecting("the name of a host under hosts:")
          .withHint(DidYouMean.hint(host.toString(), draft.hosts().keySet().stream().map(Name::toString).toList())));
      return Optional.empty();
    }
    InterfaceRef bridge = new InterfaceRef(host, m.bridge().value());
    Optional<Draft.Iface> br = draft.iface(bridge).filter(i -> i.iface().kind() instanceof InterfaceKind.Bridge);
    if (br.isEmpty()) {
      draft.diagnostics().add(Diagnostic.error(TopologyProblem.UNKNOWN_REFERENCE, m.bridge().origin(),
              "host " + host + " has no bridge named " + m.bridge().value())
          .expecting("a bridge declared under the host's bridges:")
          .withHint(DidYouMean.hint(m.bridge().value().toString(), draft.interfaceNames(host, InterfaceKind.Bridge.class))));
      return Optional.empty();
    }
    return uplink(m, host).flatMap(up -> {
      if (up.iface().addresses().isEmpty()) {
        draft.diagnostics().error(TopologyProblem.INVALID_WIRING, m.origin(), "uplink " + up.ref().name() + " of host "
            + host + " has no address to send the tunnel from", "an uplink with an address");
        return Optional.empty();
      }
      InterfaceAddress local = up.iface().addresses().getFirst();
      return Optional.of(new Member(m, host, bridge, br.get().iface().addresses().stream().findFirst(), up.ref(),
          local.address(), up.iface().mtu()));
    });
  }

  private Optional<Draft.Iface> uplink(MemberSpec m, Name host) {
    if (m.uplink().isPresent()) {
      InterfaceRef ref = new InterfaceRef(host, m.uplink().get().value());
      Optional<Draft.Iface> up = draft.iface(ref).filter(i -> i.iface().kind() instanceof InterfaceKind.Physical);
      if (up.isEmpty()) {
        draft.diagnostics().add(Diagnostic.error(TopologyProblem.UNKNOWN_REFERENCE, m.uplink().get().origin(),
                "host " + host + " has no uplink named " + ref.name())
            .expecting("an uplink of the host")
            .withHint(DidYouMean.hint(ref.name().toString(), draft.interfaceNames(host, InterfaceKind.Physical.class))));
      }
      return up;
    }
    Optional<Draft.Iface> up = draft.interfacesOf(host).stream()
        .filter(i -> i.iface().kind() instanceof InterfaceKind.Physical)
        .filter(i -> draft.attachment(i.ref()).flatMap(networks::kind).filter(k -> k == SegmentKind.UNDERLAY).isPresent())
        .findFirst();
    if (up.isEmpty() && !draft.hasErrorsIn(host)) {
      draft.diagnostics().error(TopologyProblem.INVALID_WIRING, m.host().origin(), "host " + host
          + " has no uplink on an underlay network to carry the tunnel",
          "an underlay: address on the host, an uplink on a network of kind underlay, or uplink: NAME here");
    }
    return up;
  }
}
