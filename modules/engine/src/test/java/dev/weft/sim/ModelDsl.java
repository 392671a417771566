package dev.weft.sim;

import dev.weft.model.Host;
import dev.weft.model.Interface;
import dev.weft.model.InterfaceKind;
import dev.weft.model.InterfaceRef;
import dev.weft.model.Namespace;
import dev.weft.model.NamespaceRole;
import dev.weft.model.NeighborEntry;
import dev.weft.model.NetworkMode;
import dev.weft.model.NetworkModel;
import dev.weft.model.NetworkModelBuilder;
import dev.weft.model.Segment;
import dev.weft.model.SegmentKind;
import dev.weft.model.route.Route;
import dev.weft.model.route.RouteOrigin;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import dev.weft.model.value.Vni;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A terse way to build models in tests, in the shapes the topology loader produces. */
final class ModelDsl {
  final NetworkModelBuilder b;
  private final String topology;

  ModelDsl(String name) {
    this.topology = name;
    this.b = NetworkModel.builder(Name.of(name));
  }

  NetworkModel build() {
    return b.build();
  }

  Interface iface(String ns, String name, InterfaceKind kind, int mtu, String... addresses) {
    InterfaceRef ref = InterfaceRef.of(ns, name);
    Interface i = new Interface(ref, kind, Mac.derivedFrom(topology + "/" + ns + "/" + name), new Mtu(mtu),
        List.of(addresses).stream().map(InterfaceAddress::parse).toList(), true);
    b.iface(i);
    return i;
  }

  ModelDsl loopback(String ns) {
    iface(ns, "lo", new InterfaceKind.Loopback(), Mtu.MAX, "127.0.0.1/8");
    return this;
  }

  ModelDsl segment(String name, SegmentKind kind, String subnet, int mtu) {
    b.segment(new Segment(Name.of(name), kind, List.of(Cidr.parse(subnet)), new Mtu(mtu)));
    return this;
  }

  /** A host with a loopback and, when given, an uplink eth0 on a segment. */
  ModelDsl host(String name, Optional<String> segment, String uplinkAddress, int mtu) {
    b.host(new Host(Name.of(name)));
    loopback(name);
    segment.ifPresent(s -> {
      iface(name, "eth0", new InterfaceKind.Physical(), mtu, uplinkAddress);
      b.attach(InterfaceRef.of(name, "eth0"), Name.of(s));
    });
    return this;
  }

  ModelDsl host(String name, String segment, String uplinkAddress) {
    return host(name, Optional.of(segment), uplinkAddress, 1500);
  }

  ModelDsl bridge(String host, String name, String gateway, int mtu) {
    iface(host, name, new InterfaceKind.Bridge(Duration.ofSeconds(300), true), mtu, gateway);
    return this;
  }

  ModelDsl namespace(String name, String host, NetworkMode mode, boolean forward) {
    b.namespace(new Namespace(Name.of(name), Name.of(host), NamespaceRole.CONTAINER, mode, forward));
    if (mode != NetworkMode.HOST) {
      loopback(name);
    }
    return this;
  }

  /** A pod on a bridge: its namespace, eth0 with the address, the host-side veth as a bridge port, a default route. */
  ModelDsl pod(String name, String host, String bridge, String address, String gateway, int mtu) {
    namespace(name, host, NetworkMode.BRIDGE, false);
    iface(name, "eth0", new InterfaceKind.Veth(false), mtu, address);
    String hostSide = ("veth-" + name).length() <= 15 ? "veth-" + name : String.format("v%08x", name.hashCode());
    iface(host, hostSide, new InterfaceKind.Veth(false), mtu);
    InterfaceRef hs = InterfaceRef.of(host, hostSide);
    b.vethPeer(InterfaceRef.of(name, "eth0"), hs);
    b.bridgePort(hs, InterfaceRef.of(host, bridge));
    route(name, "0.0.0.0/0", gateway, "eth0");
    return this;
  }

  ModelDsl route(String ns, String dst, String via, String dev) {
    b.route(Name.of(ns), Route.via(Cidr.parse(dst), IpAddress.parse(via), InterfaceName.of(dev)));
    return this;
  }

  ModelDsl onlinkRoute(String ns, String dst, String via, String dev) {
    b.route(Name.of(ns), new Route(Cidr.parse(dst), Optional.of(IpAddress.parse(via)), InterfaceName.of(dev),
        RouteOrigin.STATIC, 0, true));
    return this;
  }

  ModelDsl neighbor(String ns, String dev, String address, Mac mac) {
    b.neighbor(Name.of(ns), new NeighborEntry(InterfaceName.of(dev), IpAddress.parse(address), mac));
    return this;
  }

  /** An L2 VXLAN device enslaved to a bridge, flooding to the given remote VTEPs. */
  ModelDsl vxlanPort(String host, String name, int vni, String local, String bridge, int mtu, String... remotes) {
    List<InterfaceKind.FdbEntry> fdb = List.of(remotes).stream()
        .map(r -> new InterfaceKind.FdbEntry(Mac.ZERO, IpAddress.parse(r))).toList();
    iface(host, name, new InterfaceKind.Vxlan(new Vni(vni), IpAddress.parse(local), 4789, false, fdb), mtu);
    b.tunnelOver(InterfaceRef.of(host, name), InterfaceRef.of(host, "eth0"));
    b.bridgePort(InterfaceRef.of(host, name), InterfaceRef.of(host, bridge));
    return this;
  }

  ModelDsl gretapPort(String host, String name, String local, String remote, long key, String bridge, int mtu) {
    iface(host, name, new InterfaceKind.Gre(IpAddress.parse(local), IpAddress.parse(remote), Optional.of(key), true), mtu);
    b.tunnelOver(InterfaceRef.of(host, name), InterfaceRef.of(host, "eth0"));
    b.bridgePort(InterfaceRef.of(host, name), InterfaceRef.of(host, bridge));
    return this;
  }

  Mac macOf(String ns, String name) {
    return Mac.derivedFrom(topology + "/" + ns + "/" + name);
  }
}
