package dev.weft.topology.convert;

import dev.weft.document.DidYouMean;
import dev.weft.document.Diagnostic;
import dev.weft.document.Origin;
import dev.weft.model.Interface;
import dev.weft.model.InterfaceKind;
import dev.weft.model.InterfaceRef;
import dev.weft.model.Namespace;
import dev.weft.model.NamespaceRole;
import dev.weft.model.route.Route;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InvalidValueException;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import dev.weft.topology.TopologyProblem;
import dev.weft.topology.spec.HostSpec;
import dev.weft.topology.spec.HostSpec.PodGroupSpec;
import java.util.List;
import java.util.Optional;

/**
 * Expands the pods short form. Pod i of group NAME is namespace NAME-i with eth0 (the MTU of the group,
 * else of the bridge), the next free address of the bridge's subnet, a default route via the bridge's
 * gateway, and a host-side veth port on the bridge named from a hash of {@code NAME-i:eth0}.
 */
final class PodExpander {
  private final Draft draft;
  private final AddressPool pool;

  PodExpander(Draft draft, AddressPool pool) {
    this.draft = draft;
    this.pool = pool;
  }

  void expand(HostSpec host) {
    host.pods().forEach(group -> expand(host.name().value(), group));
  }

  private void expand(Name host, PodGroupSpec group) {
    InterfaceRef bridgeRef = new InterfaceRef(host, group.bridge().value());
    Optional<Draft.Iface> bridge = draft.iface(bridgeRef).filter(i -> i.iface().kind() instanceof InterfaceKind.Bridge);
    if (bridge.isEmpty()) {
      draft.diagnostics().add(Diagnostic.error(TopologyProblem.UNKNOWN_REFERENCE, group.bridge().origin(),
              "host " + host + " has no bridge named " + group.bridge().value())
          .expecting("the name of a bridge declared under this host's bridges:")
          .withHint(DidYouMean.hint(group.bridge().value().toString(), draft.interfaceNames(host, InterfaceKind.Bridge.class))));
      return;
    }
    Interface br = bridge.get().iface();
    if (br.addresses().isEmpty()) {
      draft.diagnostics().error(TopologyProblem.INVALID_WIRING, group.bridge().origin(),
          "pods take their addresses from their bridge's subnet, but bridge " + br.ref().name() + " has no gateway",
          "a bridge with a gateway address, like gateway: 10.1.0.1/24");
      return;
    }
    InterfaceAddress gateway = br.addresses().getFirst();
    Mtu mtu = group.mtu().map(m -> m.value()).orElse(br.mtu());
    Route viaGateway = Route.via(Cidr.all(gateway.family()), gateway.address(), Devices.ETH0); // shared: immutable
    for (int i = 1; i <= group.count().value(); i++) {
      Optional<Name> name = podName(group, i);
      if (name.isEmpty()) {
        return;
      }
      Optional<IpAddress> address = pool.next(gateway.subnet());
      if (address.isEmpty()) {
        draft.diagnostics().error(TopologyProblem.SUBNET_EXHAUSTED, group.count().origin(),
            "subnet " + gateway.subnet() + " of bridge " + br.ref().name() + " has no free address left for pod " + name.get()
                + " (" + (i - 1) + " of " + group.count().value() + " fit)",
            "at most " + (i - 1) + " pods, or a larger subnet");
        return;
      }
      if (!pod(host, group, name.get(), new InterfaceAddress(address.get(), gateway.prefixLength()), viaGateway, mtu,
          br.ref())) {
        return; // one report per group is enough for a name clash
      }
    }
  }

  private boolean pod(Name host, PodGroupSpec group, Name name, InterfaceAddress address, Route viaGateway, Mtu mtu,
      InterfaceRef bridge) {
    Origin at = group.origin();
    if (!draft.addNamespace(new Namespace(name, host, NamespaceRole.CONTAINER, group.mode().value(), false),
        group.name().origin())) {
      return false;
    }
    draft.addInterface(Devices.loopback(name), at, List.of());
    InterfaceRef eth0 = new InterfaceRef(name, Devices.ETH0);
    InterfaceRef hostSide = new InterfaceRef(host, Devices.vethName(eth0.toString()));
    draft.addInterface(new Interface(eth0, new InterfaceKind.Veth(false), Devices.mac(draft.topology(), eth0), mtu,
        List.of(address), true), at, List.of(at));
    if (!draft.addInterface(new Interface(hostSide, new InterfaceKind.Veth(false), Devices.mac(draft.topology(), hostSide),
        mtu, List.of(), true), at, List.of())) {
      return false;
    }
    draft.vethPeer(eth0, hostSide);
    draft.bridgePort(hostSide, bridge);
    draft.route(name, viaGateway);
    return true;
  }

  private Optional<Name> podName(PodGroupSpec group, int i) {
    try {
      return Optional.of(Name.of(group.name().value() + "-" + i));
    } catch (InvalidValueException e) {
      draft.diagnostics().error(TopologyProblem.INVALID_WIRING, group.name().origin(),
          "the generated pod name '" + e.input() + "' is not a valid name", e.expected());
      return Optional.empty();
    }
  }
}
