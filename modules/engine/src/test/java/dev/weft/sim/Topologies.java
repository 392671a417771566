package dev.weft.sim;

import dev.weft.model.InterfaceKind;
import dev.weft.model.InterfaceRef;
import dev.weft.model.NetworkMode;
import dev.weft.model.NetworkModel;
import dev.weft.model.SegmentKind;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Vni;
import java.util.List;

/** Hand-built models for simulator tests, one per scenario the issue names. */
final class Topologies {
  private Topologies() {}

  /** One host, bridge br0 10.0.0.1/24, pods pod1..pod3 at .2 to .4. */
  static NetworkModel singleHostBridge() {
    ModelDsl m = new ModelDsl("single-host-bridge").segment("underlay", SegmentKind.UNDERLAY, "192.168.0.0/24", 1500)
        .host("host1", "underlay", "192.168.0.1/24").bridge("host1", "br0", "10.0.0.1/24", 1500);
    for (int i = 1; i <= 3; i++) {
      m.pod("pod" + i, "host1", "br0", "10.0.0." + (i + 1) + "/24", "10.0.0.1", 1500);
    }
    return m.build();
  }

  /**
   * Two hosts on one L2 overlay (VNI 42): each br0 has a vxlan42 port flooding to the other host; one
   * subnet 10.1.0.0/24 spans both, overlay MTU 1450 over a 1500 underlay.
   */
  static NetworkModel twoHostVxlan() {
    ModelDsl m = new ModelDsl("two-host-vxlan").segment("underlay", SegmentKind.UNDERLAY, "192.168.0.0/24", 1500)
        .host("host1", "underlay", "192.168.0.1/24").host("host2", "underlay", "192.168.0.2/24")
        .bridge("host1", "br0", "10.1.0.1/24", 1450).bridge("host2", "br0", "10.1.0.2/24", 1450)
        .vxlanPort("host1", "vxlan42", 42, "192.168.0.1", "br0", 1450, "192.168.0.2")
        .vxlanPort("host2", "vxlan42", 42, "192.168.0.2", "br0", 1450, "192.168.0.1")
        .pod("pod1", "host1", "br0", "10.1.0.11/24", "10.1.0.1", 1450)
        .pod("pod2", "host2", "br0", "10.1.0.12/24", "10.1.0.2", 1450);
    return m.build();
  }

  /** Like {@link #twoHostVxlan} with a gretap pair (key 1234, overlay MTU 1462) instead of VXLAN. */
  static NetworkModel twoHostGre() {
    ModelDsl m = new ModelDsl("two-host-gre").segment("underlay", SegmentKind.UNDERLAY, "192.168.0.0/24", 1500)
        .host("host1", "underlay", "192.168.0.1/24").host("host2", "underlay", "192.168.0.2/24")
        .bridge("host1", "br0", "10.1.0.1/24", 1462).bridge("host2", "br0", "10.1.0.2/24", 1462)
        .gretapPort("host1", "gre-host2", "192.168.0.1", "192.168.0.2", 1234, "br0", 1462)
        .gretapPort("host2", "gre-host1", "192.168.0.2", "192.168.0.1", 1234, "br0", 1462)
        .pod("pod1", "host1", "br0", "10.1.0.11/24", "10.1.0.1", 1462)
        .pod("pod2", "host2", "br0", "10.1.0.12/24", "10.1.0.2", 1462);
    return m.build();
  }

  /**
   * A flannel-style routed VXLAN overlay: host i has pod subnet 10.244.i.0/24 on br0 and flannel.1 with
   * 10.244.i.0/32; for each other host a route via its .0 onlink, a permanent neighbour entry and an FDB
   * entry for its VTEP. {@code podMtu} lets a test put a 1500 MTU inside the 1450 overlay.
   */
  static NetworkModel flannel(int hosts, int podsPerHost, int podMtu) {
    ModelDsl m = new ModelDsl("flannel").segment("underlay", SegmentKind.UNDERLAY, "192.168.0.0/16", 1500);
    for (int h = 1; h <= hosts; h++) {
      String host = "host" + h;
      m.host(host, "underlay", underlay(h) + "/16").bridge(host, "br0", "10.244." + h + ".1/24", podMtu);
      for (int p = 1; p <= podsPerHost; p++) {
        m.pod("pod-" + h + "-" + p, host, "br0", "10.244." + h + "." + (p + 1) + "/24", "10.244." + h + ".1", podMtu);
      }
    }
    for (int h = 1; h <= hosts; h++) {
      String host = "host" + h;
      List<InterfaceKind.FdbEntry> fdb = new java.util.ArrayList<>();
      for (int o = 1; o <= hosts; o++) {
        if (o != h) {
          fdb.add(new InterfaceKind.FdbEntry(m.macOf("host" + o, "flannel.1"), IpAddress.parse(underlay(o))));
        }
      }
      m.iface(host, "flannel.1", new InterfaceKind.Vxlan(new Vni(1), IpAddress.parse(underlay(h)), 8472, false, fdb), 1450,
          "10.244." + h + ".0/32");
      m.b.tunnelOver(InterfaceRef.of(host, "flannel.1"), InterfaceRef.of(host, "eth0"));
      for (int o = 1; o <= hosts; o++) {
        if (o != h) {
          m.onlinkRoute(host, "10.244." + o + ".0/24", "10.244." + o + ".0", "flannel.1");
          m.neighbor(host, "flannel.1", "10.244." + o + ".0", m.macOf("host" + o, "flannel.1"));
        }
      }
    }
    return m.build();
  }

  static String underlay(int host) {
    return "192.168." + (host / 250) + "." + (host % 250 + 1);
  }

  /** One host with a bridged pod, a host-mode container and a none-mode container. */
  static NetworkModel hostAndNone() {
    return new ModelDsl("host-and-none").segment("underlay", SegmentKind.UNDERLAY, "192.168.0.0/24", 1500)
        .host("host1", "underlay", "192.168.0.1/24").bridge("host1", "br0", "10.0.0.1/24", 1500)
        .pod("web", "host1", "br0", "10.0.0.2/24", "10.0.0.1", 1500)
        .namespace("hostnet", "host1", NetworkMode.HOST, false)
        .namespace("isolated", "host1", NetworkMode.NONE, false)
        .build();
  }

  /** Two routers whose routes for 10.99.0.0/16 point at each other. */
  static NetworkModel routingLoop() {
    ModelDsl m = new ModelDsl("loop").segment("underlay", SegmentKind.UNDERLAY, "192.168.0.0/24", 1500)
        .host("r1", "underlay", "192.168.0.1/24").host("r2", "underlay", "192.168.0.2/24")
        .bridge("r1", "br0", "10.0.1.1/24", 1500)
        .pod("client", "r1", "br0", "10.0.1.2/24", "10.0.1.1", 1500)
        .route("r1", "10.99.0.0/16", "192.168.0.2", "eth0")
        .route("r2", "10.99.0.0/16", "192.168.0.1", "eth0");
    return m.build();
  }

  /** A host whose uplink is on an external network with the default route to an outside router. */
  static NetworkModel external() {
    return new ModelDsl("external").segment("internet", SegmentKind.EXTERNAL, "203.0.113.0/24", 1500)
        .host("edge", "internet", "203.0.113.2/24").bridge("edge", "br0", "10.0.0.1/24", 1500)
        .pod("app", "edge", "br0", "10.0.0.2/24", "10.0.0.1", 1500)
        .route("edge", "0.0.0.0/0", "203.0.113.1", "eth0")
        .build();
  }
}
