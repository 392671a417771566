package dev.weft.topology.convert;

import dev.weft.document.DidYouMean;
import dev.weft.document.Diagnostic;
import dev.weft.document.Located;
import dev.weft.document.Origin;
import dev.weft.model.Interface;
import dev.weft.model.InterfaceKind;
import dev.weft.model.InterfaceRef;
import dev.weft.model.Namespace;
import dev.weft.model.NetworkMode;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import dev.weft.topology.TopologyProblem;
import dev.weft.topology.spec.HostSpec;
import dev.weft.topology.spec.HostSpec.Endpoint;
import dev.weft.topology.spec.HostSpec.VethSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wires a host's {@code veths}. An endpoint {@code NS:IF} is a declared interface of a container on the
 * host, or, for the host's own name, a new veth in its root namespace; a bare bridge name is a new port
 * on that bridge, named from a hash of the other end. Each declared interface is the end of one veth at
 * most.
 */
final class VethWiring {
  /** A resolved end: the interface, and whether this veth creates it. */
  private record End(InterfaceRef ref, boolean create, Optional<InterfaceRef> bridge, Origin origin) {}

  private final Draft draft;
  private final Map<InterfaceRef, Origin> wired = new HashMap<>();

  VethWiring(Draft draft) {
    this.draft = draft;
  }

  void wire(HostSpec host) {
    for (VethSpec veth : host.veths()) {
      Located<Endpoint> a = veth.endpoints().get(0);
      Located<Endpoint> b = veth.endpoints().get(1);
      Optional<End> x = resolve(host.name().value(), a, b.value());
      Optional<End> y = resolve(host.name().value(), b, a.value());
      if (x.isPresent() && y.isPresent()) {
        connect(x.get(), y.get(), veth);
      }
    }
  }

  private Optional<End> resolve(Name host, Located<Endpoint> end, Endpoint other) {
    return switch (end.value()) {
      case Endpoint.Bridge b -> bridgePort(host, b.bridge(), other, end.origin());
      case Endpoint.Interface i when i.namespace().equals(host) ->
          Optional.of(new End(new InterfaceRef(host, i.name()), true, Optional.empty(), end.origin()));
      case Endpoint.Interface i -> containerEnd(host, i, end.origin());
    };
  }

  private Optional<End> bridgePort(Name host, InterfaceName bridge, Endpoint other, Origin at) {
    InterfaceRef ref = new InterfaceRef(host, bridge);
    if (draft.iface(ref).filter(i -> i.iface().kind() instanceof InterfaceKind.Bridge).isEmpty()) {
      Diagnostic d = Diagnostic.error(TopologyProblem.UNKNOWN_REFERENCE, at, "host " + host + " has no bridge named " + bridge)
          .expecting("NAMESPACE:INTERFACE, or the name of a bridge of this host");
      boolean isNamespace = draft.namespaces().keySet().stream().anyMatch(n -> n.toString().equals(bridge.toString()));
      draft.diagnostics().add(isNamespace ? d.withHint("for an interface of namespace " + bridge + " write "
          + bridge + ":IFNAME") : d.withHint(DidYouMean.hint(bridge.toString(), draft.interfaceNames(host, InterfaceKind.Bridge.class))));
      return Optional.empty();
    }
    String seed = other instanceof Endpoint.Bridge ob ? host + ":" + bridge + "-" + ob.bridge() : other.toString();
    return Optional.of(new End(new InterfaceRef(host, Devices.vethName(seed)), true, Optional.of(ref), at));
  }

  private Optional<End> containerEnd(Name host, Endpoint.Interface end, Origin at) {
    Optional<Namespace> ns = draft.namespace(end.namespace()).filter(n -> !n.isHostRoot());
    if (ns.isEmpty()) {
      draft.diagnostics().add(Diagnostic.error(TopologyProblem.UNKNOWN_REFERENCE, at,
              "no namespace named " + end.namespace() + " on host " + host)
          .expecting("NS:IF with a namespace of this host, or the host's own name")
          .withHint(DidYouMean.hint(end.namespace().toString(), namespaceNames(host))));
      return Optional.empty();
    }
    if (!ns.get().host().equals(host)) {
      draft.diagnostics().error(TopologyProblem.INVALID_WIRING, at, "namespace " + end.namespace() + " is on host "
          + ns.get().host() + ", and a veth only joins namespaces of one host", "a namespace of host " + host);
      return Optional.empty();
    }
    NetworkMode mode = ns.get().mode();
    if (mode == NetworkMode.HOST || mode == NetworkMode.NONE) {
      draft.diagnostics().error(TopologyProblem.MODE_CONFLICT, at, "namespace " + end.namespace() + " has mode "
          + mode.keyword() + " and cannot be the end of a veth", "a namespace with mode bridge or overlay");
      return Optional.empty();
    }
    InterfaceRef ref = new InterfaceRef(end.namespace(), end.name());
    if (draft.iface(ref).isEmpty()) {
      draft.diagnostics().add(Diagnostic.error(TopologyProblem.UNKNOWN_REFERENCE, at,
              "namespace " + end.namespace() + " has no interface " + end.name())
          .expecting("an interface declared under the namespace's interfaces:")
          .withHint(DidYouMean.hint(end.name().toString(), draft.interfacesOf(end.namespace()).stream()
              .map(i -> i.ref().name().toString()).filter(n -> !n.equals("lo")).toList())));
      return Optional.empty();
    }
    return Optional.of(new End(ref, false, Optional.empty(), at));
  }

  private void connect(End a, End b, VethSpec veth) {
    if (a.ref().equals(b.ref())) {
      draft.diagnostics().error(TopologyProblem.INVALID_WIRING, b.origin(), "both ends of the veth are " + a.ref(),
          "two different endpoints");
      return;
    }
    for (End e : List.of(a, b)) {
      Origin first = wired.putIfAbsent(e.ref(), e.origin());
      if (first != null || (!e.create() && draft.peer(e.ref()).isPresent())) {
        draft.diagnostics().error(TopologyProblem.INVALID_WIRING, e.origin(), e.ref() + " is already the end of "
            + (first != null ? "the veth at line " + first.location().line() : "another veth"), "each interface in one veth");
        return;
      }
    }
    Mtu mtu = mtuOf(a).or(() -> mtuOf(b)).orElse(Mtu.ETHERNET);
    if (!create(a, mtu) || !create(b, mtu)) {
      return;
    }
    draft.vethPeer(a.ref(), b.ref());
    a.bridge().ifPresent(br -> draft.bridgePort(a.ref(), br));
    b.bridge().ifPresent(br -> draft.bridgePort(b.ref(), br));
  }

  /** A new end takes the MTU of the declared one, as CNI plugins set both ends alike. */
  private Optional<Mtu> mtuOf(End e) {
    return e.create() ? Optional.empty() : draft.iface(e.ref()).map(i -> i.iface().mtu());
  }

  private boolean create(End e, Mtu mtu) {
    if (!e.create()) {
      return true;
    }
    return draft.addInterface(new Interface(e.ref(), new InterfaceKind.Veth(false), Devices.mac(draft.topology(), e.ref()),
        mtu, List.of(), true), e.origin(), List.of());
  }

  private List<String> namespaceNames(Name host) {
    return draft.namespaces().values().stream().filter(n -> n.host().equals(host)).map(n -> n.name().toString()).toList();
  }
}
