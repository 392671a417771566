package dev.weft.bench.sim;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Generated clusters for the simulator benchmarks, built straight through the model builder.
 *
 * <p>{@link #flannel}: hosts on one underlay segment (192.168.0.0/16); host h has a bridge with pod subnet
 * 10.(h/256).(h%256).0/24, its pods on it (MTU 1450), and a flannel-style routed VXLAN device (VNI 1, port
 * 8472) holding the subnet's .0/32 with, for every other host, a route via that host's .0 onlink, a
 * permanent neighbour entry and an FDB entry, exactly as flannel installs them. 1,000 hosts make
 * 999,000 overlay routes.
 */
public final class ClusterModels {
  private ClusterModels() {}

  public static String pod(int host, int index) {
    return "pod-" + host + "-" + index;
  }

  static String subnet(int host) {
    return "10." + (host / 256) + "." + (host % 256);
  }

  static String underlay(int host) {
    return "192.168." + (host / 250) + "." + (host % 250 + 1);
  }

  private static Mac mac(String seed) {
    return Mac.derivedFrom("cluster/" + seed);
  }

  private static Interface iface(String ns, String name, InterfaceKind kind, int mtu, String... addresses) {
    return new Interface(InterfaceRef.of(ns, name), kind, mac(ns + "/" + name), new Mtu(mtu),
        List.of(addresses).stream().map(InterfaceAddress::parse).toList(), true);
  }

  public static NetworkModel flannel(int hosts, int podsPerHost) {
    NetworkModelBuilder b = NetworkModel.builder(Name.of("cluster-" + hosts + "x" + podsPerHost))
        .segment(new Segment(Name.of("underlay"), SegmentKind.UNDERLAY, List.of(Cidr.parse("192.168.0.0/16")), Mtu.ETHERNET));
    for (int h = 1; h <= hosts; h++) {
      host(b, h, podsPerHost);
    }
    for (int h = 1; h <= hosts; h++) {
      overlay(b, h, hosts);
    }
    return b.build();
  }

  private static void host(NetworkModelBuilder b, int h, int pods) {
    String host = "host" + h;
    b.host(new Host(Name.of(host)));
    b.iface(iface(host, "lo", new InterfaceKind.Loopback(), Mtu.MAX, "127.0.0.1/8"));
    b.iface(iface(host, "eth0", new InterfaceKind.Physical(), 1500, underlay(h) + "/16"));
    b.attach(InterfaceRef.of(host, "eth0"), Name.of("underlay"));
    b.iface(iface(host, "cni0", new InterfaceKind.Bridge(Duration.ofSeconds(300), false), 1450, subnet(h) + ".1/24"));
    for (int p = 1; p <= pods; p++) {
      String pod = pod(h, p);
      b.namespace(new Namespace(Name.of(pod), Name.of(host), NamespaceRole.CONTAINER, NetworkMode.OVERLAY, false));
      b.iface(iface(pod, "lo", new InterfaceKind.Loopback(), Mtu.MAX, "127.0.0.1/8"));
      b.iface(iface(pod, "eth0", new InterfaceKind.Veth(false), 1450, subnet(h) + "." + (p + 1) + "/24"));
      b.iface(iface(host, "veth" + p, new InterfaceKind.Veth(false), 1450));
      b.vethPeer(InterfaceRef.of(pod, "eth0"), InterfaceRef.of(host, "veth" + p));
      b.bridgePort(InterfaceRef.of(host, "veth" + p), InterfaceRef.of(host, "cni0"));
      b.route(Name.of(pod), Route.via(Cidr.parse("0.0.0.0/0"), IpAddress.parse(subnet(h) + ".1"), InterfaceName.of("eth0")));
    }
  }

  private static void overlay(NetworkModelBuilder b, int h, int hosts) {
    String host = "host" + h;
    List<InterfaceKind.FdbEntry> fdb = new ArrayList<>(hosts);
    for (int o = 1; o <= hosts; o++) {
      if (o != h) {
        fdb.add(new InterfaceKind.FdbEntry(mac("host" + o + "/flannel.1"), IpAddress.parse(underlay(o))));
      }
    }
    b.iface(iface(host, "flannel.1", new InterfaceKind.Vxlan(new Vni(1), IpAddress.parse(underlay(h)), 8472, false, fdb),
        1450, subnet(h) + ".0/32"));
    b.tunnelOver(InterfaceRef.of(host, "flannel.1"), InterfaceRef.of(host, "eth0"));
    InterfaceName dev = InterfaceName.of("flannel.1");
    for (int o = 1; o <= hosts; o++) {
      if (o != h) {
        IpAddress gw = IpAddress.parse(subnet(o) + ".0");
        b.route(Name.of(host), new Route(Cidr.parse(subnet(o) + ".0/24"), Optional.of(gw), dev, RouteOrigin.STATIC, 0, true));
        b.neighbor(Name.of(host), new NeighborEntry(dev, gw, mac("host" + o + "/flannel.1")));
      }
    }
  }

  /** The pod namespaces of a cluster, host by host. */
  public static List<Name> pods(int hosts, int podsPerHost) {
    List<Name> out = new ArrayList<>(hosts * podsPerHost);
    for (int h = 1; h <= hosts; h++) {
      for (int p = 1; p <= podsPerHost; p++) {
        out.add(Name.of(pod(h, p)));
      }
    }
    return out;
  }
}
