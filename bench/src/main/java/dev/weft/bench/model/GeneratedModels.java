package dev.weft.bench.model;

import dev.weft.model.Host;
import dev.weft.model.Interface;
import dev.weft.model.InterfaceKind;
import dev.weft.model.InterfaceRef;
import dev.weft.model.Namespace;
import dev.weft.model.NamespaceRole;
import dev.weft.model.NetworkMode;
import dev.weft.model.NetworkModel;
import dev.weft.model.NetworkModelBuilder;
import dev.weft.model.Segment;
import dev.weft.model.SegmentKind;
import dev.weft.model.route.Route;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import java.time.Duration;
import java.util.List;

/**
 * Builds the benchmark cluster straight through {@link NetworkModelBuilder}: H hosts on one underlay, each
 * with a bridge 10.(h/256).(h%256).0/24 … and P bridge-mode pods, like a node running a bridge CNI.
 */
public final class GeneratedModels {
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final InterfaceName LO = InterfaceName.of("lo");

  private GeneratedModels() {}

  public static NetworkModel bridgeCluster(int hosts, int podsPerHost) {
    NetworkModelBuilder b = NetworkModel.builder(Name.of("bench-" + hosts + "x" + podsPerHost));
    b.segment(new Segment(Name.of("underlay"), SegmentKind.UNDERLAY, List.of(Cidr.parse("172.16.0.0/12")), Mtu.ETHERNET));
    for (int h = 0; h < hosts; h++) {
      Name host = Name.of("host" + h);
      b.host(new Host(host));
      loopback(b, host);
      IpAddress underlay = IpAddress.ipv4(0xac100000 | (h + 1));
      b.iface(iface(host, ETH0, new InterfaceKind.Physical(), new InterfaceAddress(underlay, 12)));
      b.attach(new InterfaceRef(host, ETH0), Name.of("underlay"));
      int subnet = 0x0a000000 | (h << 8);
      InterfaceName br = InterfaceName.of("br0");
      b.iface(iface(host, br, new InterfaceKind.Bridge(Duration.ofSeconds(300), true),
          new InterfaceAddress(IpAddress.ipv4(subnet | 1), 24)));
      for (int p = 0; p < podsPerHost; p++) {
        Name pod = Name.of("h" + h + "-pod" + p);
        b.namespace(new Namespace(pod, host, NamespaceRole.CONTAINER, NetworkMode.BRIDGE, false));
        loopback(b, pod);
        InterfaceName hostSide = InterfaceName.of("veth" + p);
        b.iface(iface(pod, ETH0, new InterfaceKind.Veth(false), new InterfaceAddress(IpAddress.ipv4(subnet | (p + 2)), 24)));
        b.iface(iface(host, hostSide, new InterfaceKind.Veth(false)));
        b.vethPeer(new InterfaceRef(pod, ETH0), new InterfaceRef(host, hostSide));
        b.bridgePort(new InterfaceRef(host, hostSide), new InterfaceRef(host, br));
        b.route(pod, Route.via(Cidr.parse("0.0.0.0/0"), IpAddress.ipv4(subnet | 1), ETH0));
      }
    }
    return b.build();
  }

  private static void loopback(NetworkModelBuilder b, Name ns) {
    b.iface(new Interface(new InterfaceRef(ns, LO), new InterfaceKind.Loopback(), Mac.ZERO, Mtu.LOOPBACK,
        List.of(InterfaceAddress.parse("127.0.0.1/8"), InterfaceAddress.parse("::1/128")), true));
  }

  private static Interface iface(Name ns, InterfaceName name, InterfaceKind kind, InterfaceAddress... addrs) {
    InterfaceRef ref = new InterfaceRef(ns, name);
    return new Interface(ref, kind, Mac.derivedFrom(ref.toString()), Mtu.ETHERNET, List.of(addrs), true);
  }

  /** Quick check outside JMH: {@code java -cp benchmarks.jar dev.weft.bench.model.GeneratedModels}. */
  public static void main(String[] args) {
    for (int i = 0; i < 5; i++) {
      var threads = java.lang.management.ManagementFactory.getThreadMXBean();
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      NetworkModel m = bridgeCluster(1000, 100);
      long t1 = System.nanoTime();
      long c1 = threads.getCurrentThreadCpuTime();
      System.gc();
      Runtime rt = Runtime.getRuntime();
      System.out.printf("built %d namespaces, %d vertices, %d edges in %d ms (%d ms cpu); heap after GC %d MiB%n",
          m.namespaces().size(), m.graph().vertexSet().size(), m.graph().edgeSet().size(),
          (t1 - t0) / 1_000_000, (c1 - c0) / 1_000_000, (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
  }
}
