package dev.weft.sim.fabric;

import dev.weft.engine.l2.BridgePort;
import dev.weft.engine.l3.LinkType;
import dev.weft.engine.l3.StackConfig;
import dev.weft.engine.l3.StackInterface;
import dev.weft.engine.tunnel.GreConfig;
import dev.weft.engine.tunnel.VxlanConfig;
import dev.weft.model.Interface;
import dev.weft.model.InterfaceKind;
import dev.weft.model.InterfaceRef;
import dev.weft.model.Namespace;
import dev.weft.model.NetworkModel;
import dev.weft.model.Segment;
import dev.weft.model.SegmentKind;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Name;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns a model into a {@link Fabric}: one pass over namespaces, interfaces and segments. */
final class FabricCompiler {
  /** The port name of the outside world on an external segment. */
  static final InterfaceName WORLD = InterfaceName.of("world");
  private static final Duration TUNNEL_AGEING = Duration.ofSeconds(300);

  private final NetworkModel model;
  private final Map<DeviceId, DeviceSpec> devices = new LinkedHashMap<>();
  private final Map<InterfaceRef, Wire> wires = new HashMap<>();
  private final Map<Name, DeviceId> stacks = new HashMap<>();
  private final Map<Fabric.VxlanSocket, DeviceId> vxlan = new HashMap<>();
  private final Map<Fabric.GreSocket, DeviceId> gre = new HashMap<>();
  private final Set<InterfaceRef> bareIp = new HashSet<>();

  private FabricCompiler(NetworkModel model) {
    this.model = model;
  }

  static Fabric compile(NetworkModel model) {
    FabricCompiler c = new FabricCompiler(model);
    model.namespaces().forEach(c::namespace);
    model.namespaces().stream().filter(Namespace::sharesHostStack)
        .forEach(ns -> c.stacks.put(ns.name(), c.stacks.get(model.stackOf(ns).name())));
    model.allInterfaces().forEach(c::device);
    model.segments().forEach(c::segment);
    Map<Name, IpAddress> primary = new HashMap<>();
    for (Namespace ns : model.namespaces()) {
      Addressing.primaryAddress(model, ns.name()).ifPresent(a -> primary.put(ns.name(), a));
    }
    Map<IpAddress, Name> owners = new HashMap<>();
    model.addressOwners().forEach((address, iface) -> owners.put(address, iface.ref().namespace()));
    return new Fabric(model, Map.copyOf(c.devices), Map.copyOf(c.wires), Map.copyOf(c.stacks), Map.copyOf(c.vxlan), Map.copyOf(c.gre),
        Set.copyOf(c.bareIp), Map.copyOf(primary), Map.copyOf(owners));
  }

  static DeviceId stackId(Name namespace) {
    return new DeviceId(DeviceId.Kind.STACK, namespace.value());
  }

  private void namespace(Namespace ns) {
    if (ns.sharesHostStack()) {
      return;
    }
    List<StackInterface> ifaces = new ArrayList<>();
    Set<Integer> udpPorts = new HashSet<>();
    boolean greSocket = false;
    for (Interface i : model.interfaces(ns.name())) {
      switch (i.kind()) {
        case InterfaceKind.Vxlan v -> udpPorts.add(v.port());
        case InterfaceKind.Gre g -> greSocket = true;
        default -> { }
      }
      if (model.master(i.ref()).isEmpty()) {
        ifaces.add(new StackInterface(i.ref(), i.mac(), i.mtu(), i.addresses(), linkType(i.kind())));
      }
    }
    StackConfig config = new StackConfig(ns.name(), ns.ipForward(), ifaces, model.routes(ns.name()),
        model.neighbors(ns.name()), udpPorts, greSocket);
    DeviceId id = stackId(ns.name());
    devices.put(id, new DeviceSpec.Stack(id, Optional.of(ns.host()), config));
    stacks.put(ns.name(), id);
  }

  private static LinkType linkType(InterfaceKind kind) {
    return switch (kind) {
      case InterfaceKind.Loopback l -> LinkType.LOOPBACK;
      case InterfaceKind.Gre g when !g.ethernet() -> LinkType.RAW_IP;
      default -> LinkType.ETHERNET;
    };
  }

  /** The device on the near side of an interface: its master bridge, else its namespace's stack. */
  private DeviceId attachment(Interface i) {
    return model.master(i.ref()).map(m -> bridgeId(m.ref())).orElse(stackId(i.ref().namespace()));
  }

  private static DeviceId bridgeId(InterfaceRef bridge) {
    return new DeviceId(DeviceId.Kind.BRIDGE, bridge.toString());
  }

  private Optional<Name> hostOf(InterfaceRef ref) {
    return model.namespace(ref.namespace()).map(Namespace::host);
  }

  private void device(Interface i) {
    Optional<Name> host = hostOf(i.ref());
    switch (i.kind()) {
      case InterfaceKind.Bridge b -> {
        DeviceId id = bridgeId(i.ref());
        List<BridgePort> ports = new ArrayList<>();
        for (Interface p : model.ports(i.ref())) {
          boolean hairpin = p.kind() instanceof InterfaceKind.Veth v && v.hairpin();
          ports.add(new BridgePort(p.ref(), p.mtu(), hairpin));
        }
        devices.put(id, new DeviceSpec.Bridge(id, host, i.ref(), i.mac(), i.mtu(), ports, b.fdbAgeing()));
        wire(i.ref(), stackId(i.ref().namespace()), id, false, link(i.ref()));
      }
      case InterfaceKind.Veth v -> veth(i, host);
      case InterfaceKind.Vxlan v -> {
        DeviceId id = new DeviceId(DeviceId.Kind.VXLAN, i.ref().toString());
        devices.put(id, new DeviceSpec.Vxlan(id, host, new VxlanConfig(i.ref(), i.mac(), v.vni(), v.local(), v.port(),
            v.learning(), v.fdb(), TUNNEL_AGEING)));
        vxlan.put(new Fabric.VxlanSocket(i.ref().namespace(), v.port(), v.vni().value()), id);
        wire(i.ref(), attachment(i), id, true, link(i.ref()));
      }
      case InterfaceKind.Gre g -> {
        DeviceId id = new DeviceId(DeviceId.Kind.GRE, i.ref().toString());
        devices.put(id, new DeviceSpec.Gre(id, host, new GreConfig(i.ref(), g.local(), g.remote(), g.key(), g.ethernet())));
        gre.put(new Fabric.GreSocket(i.ref().namespace(), g.local(), g.remote(), g.key()), id);
        if (!g.ethernet()) {
          bareIp.add(i.ref());
        }
        wire(i.ref(), attachment(i), id, true, link(i.ref()));
      }
      default -> { } // loopback, tap and physical have no device of their own; physical joins its segment
    }
  }

  private void veth(Interface i, Optional<Name> host) {
    Optional<Interface> peer = model.peer(i.ref());
    if (peer.isEmpty() || i.ref().compareTo(peer.get().ref()) > 0) {
      return; // one device per pair, built from its lower end
    }
    Interface p = peer.get();
    DeviceId id = new DeviceId(DeviceId.Kind.VETH, i.ref() + "|" + p.ref());
    devices.put(id, new DeviceSpec.Veth(id, host, i.ref(), i.mtu(), p.ref(), p.mtu()));
    String link = link(i.ref()) + "--" + link(p.ref());
    wire(i.ref(), attachment(i), id, false, link);
    wire(p.ref(), attachment(p), id, false, link);
  }

  private void segment(Segment s) {
    DeviceId id = new DeviceId(DeviceId.Kind.SEGMENT, s.name().value());
    List<BridgePort> ports = new ArrayList<>();
    for (Interface member : model.members(s.name())) {
      ports.add(new BridgePort(member.ref(), s.mtu(), false));
      wire(member.ref(), attachment(member), id, false, link(member.ref()) + "--" + s.name());
    }
    if (s.kind() == SegmentKind.EXTERNAL) {
      InterfaceRef world = new InterfaceRef(s.name(), WORLD);
      ports.add(new BridgePort(world, s.mtu(), false));
      DeviceId ext = new DeviceId(DeviceId.Kind.EXTERNAL, s.name().value());
      Map<?, ?> owners = model.addressOwners();
      devices.put(ext, new DeviceSpec.External(ext, Optional.empty(), s.name(), world,
          Mac.derivedFrom("external/" + s.name()), a -> !owners.containsKey(a)));
      wire(world, id, ext, false, s.name() + "--world");
    }
    devices.put(id, new DeviceSpec.Segment(id, Optional.empty(), s.name(), ports));
  }

  private void wire(InterfaceRef port, DeviceId a, DeviceId b, boolean outboundAtB, String link) {
    wires.put(port, new Wire(port, a, b, outboundAtB, link));
  }

  private static String link(InterfaceRef ref) {
    return ref.namespace() + "." + ref.name();
  }
}
