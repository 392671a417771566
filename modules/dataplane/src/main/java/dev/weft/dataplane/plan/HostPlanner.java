package dev.weft.dataplane.plan;

import dev.weft.dataplane.underlay.Encapsulation;
import dev.weft.engine.l3.StackConfig;
import dev.weft.engine.l3.StackInterface;
import dev.weft.engine.tunnel.VxlanConfig;
import dev.weft.model.Interface;
import dev.weft.model.InterfaceKind;
import dev.weft.model.Namespace;
import dev.weft.model.NeighborEntry;
import dev.weft.model.NetworkModel;
import dev.weft.model.route.Route;
import dev.weft.model.route.RouteOrigin;
import dev.weft.model.route.RouteTable;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Name;
import dev.weft.sim.fabric.DeviceId;
import dev.weft.sim.fabric.DeviceSpec;
import dev.weft.sim.fabric.Fabric;
import dev.weft.sim.fabric.Wire;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Restricts the simulator's fabric to one host. The host's bridges, veths and tunnels run as they are.
 * The host's own stack keeps every interface except its physical uplinks, which the kernel owns (the
 * underlay sockets reach them); routes and neighbours through an uplink go with it. Pod stacks are the
 * kernel's too: each pod interface wired to a host device becomes a TAP. Linear in the model's size.
 */
public final class HostPlanner {
  private final NetworkModel model;
  private final Fabric fabric;
  private final PlanOptions options;

  public HostPlanner(NetworkModel model, PlanOptions options) {
    this.model = model;
    this.fabric = Fabric.of(model);
    this.options = options;
  }

  public HostPlan plan(Name host) {
    if (model.host(host).isEmpty()) {
      throw new PlanException("host " + host + " is not in topology " + model.name() + "; its hosts are "
          + model.hosts().stream().map(h -> h.name().value()).sorted().toList());
    }
    List<DeviceSpec> devices = new ArrayList<>();
    Set<SocketPlan> sockets = new LinkedHashSet<>();
    Map<HostPlan.VxlanKey, DeviceId> vxlan = new LinkedHashMap<>();
    Map<HostPlan.GreKey, DeviceId> gre = new LinkedHashMap<>();
    for (DeviceSpec d : fabric.devices()) {
      if (!d.host().equals(Optional.of(host))) {
        continue;
      }
      switch (d) {
        case DeviceSpec.Stack s when s.config().namespace().equals(host) -> devices.add(hostStack(s));
        case DeviceSpec.Stack s -> { } // a pod's stack is the kernel's; its interfaces become TAPs
        case DeviceSpec.Vxlan x -> {
          requireHostNamespace(x.config().device().namespace(), host, x.config().device().toString());
          VxlanConfig c = x.config();
          int port = options.vxlanPort().orElse(c.port());
          VxlanConfig config = new VxlanConfig(c.device(), c.mac(), c.vni(), c.local(), port, c.learning(),
              c.staticEntries(), c.ageing());
          SocketPlan socket = new SocketPlan(Encapsulation.VXLAN, c.local(), port);
          sockets.add(socket);
          vxlan.put(new HostPlan.VxlanKey(socket, c.vni().value()), x.id());
          devices.add(new DeviceSpec.Vxlan(x.id(), x.host(), config));
        }
        case DeviceSpec.Gre g -> {
          requireHostNamespace(g.config().device().namespace(), host, g.config().device().toString());
          SocketPlan socket = new SocketPlan(Encapsulation.GRE_IN_UDP, g.config().local(), options.greInUdpPort());
          sockets.add(socket);
          gre.put(new HostPlan.GreKey(socket, g.config().remote(), g.config().key()), g.id());
          devices.add(g);
        }
        default -> devices.add(d);
      }
    }
    Set<DeviceId> running = new HashSet<>();
    devices.forEach(d -> running.add(d.id()));
    List<PodPlan> pods = new ArrayList<>();
    for (Namespace ns : model.namespacesOn(host)) {
      if (!ns.isHostRoot() && !ns.sharesHostStack()) {
        pod(ns, running).ifPresent(pods::add);
      }
    }
    return new HostPlan(host, fabric, devices, pods, List.copyOf(sockets), vxlan, gre);
  }

  private static void requireHostNamespace(Name namespace, Name host, String device) {
    if (!namespace.equals(host)) {
      throw new PlanException("tunnel device " + device + " is in namespace " + namespace + "; the dataplane runs"
          + " tunnels of the host's own namespace (" + host + ") only, since its underlay sockets live there");
    }
  }

  /** The host's stack without its physical uplinks, and without routes and neighbours through them. */
  private DeviceSpec.Stack hostStack(DeviceSpec.Stack s) {
    StackConfig c = s.config();
    List<StackInterface> kept = new ArrayList<>();
    Set<InterfaceName> names = new HashSet<>();
    for (StackInterface i : c.interfaces()) {
      boolean uplink = model.iface(i.ref()).map(m -> m.kind() instanceof InterfaceKind.Physical).orElse(false);
      if (!uplink) {
        kept.add(i);
        names.add(i.ref().name());
      }
    }
    List<Route> routes = c.routes().routes().stream().filter(r -> names.contains(r.device())).toList();
    List<NeighborEntry> neighbors = c.staticNeighbors().stream().filter(n -> names.contains(n.device())).toList();
    // tunnel traffic reaches the dataplane through its own sockets, never through this stack
    StackConfig config = new StackConfig(c.namespace(), c.ipForward(), kept, new RouteTable(routes), neighbors, Set.of(), false);
    return new DeviceSpec.Stack(s.id(), s.host(), config);
  }

  private Optional<PodPlan> pod(Namespace ns, Set<DeviceId> running) {
    Optional<DeviceId> stack = fabric.stackOf(ns.name());
    List<Interface> taps = new ArrayList<>();
    for (Interface i : model.interfaces(ns.name())) {
      Optional<Wire> wire = fabric.wire(i.ref());
      if (stack.isPresent() && wire.isPresent() && running.contains(wire.get().other(stack.get()))) {
        taps.add(i);
      }
    }
    if (taps.isEmpty()) {
      return Optional.empty();
    }
    List<Route> routes = model.routes(ns.name()).routes().stream().filter(r -> r.origin() != RouteOrigin.CONNECTED).toList();
    return Optional.of(new PodPlan(ns.name(), taps, routes, model.neighbors(ns.name())));
  }
}
