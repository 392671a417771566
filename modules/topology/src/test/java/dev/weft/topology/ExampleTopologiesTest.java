package dev.weft.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Interface;
import dev.weft.model.InterfaceKind;
import dev.weft.model.InterfaceRef;
import dev.weft.model.Namespace;
import dev.weft.model.NetworkMode;
import dev.weft.model.NetworkModel;
import dev.weft.model.SegmentKind;
import dev.weft.model.route.Route;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExampleTopologiesTest {
  private final TopologyLoader loader = new TopologyLoader();

  static List<Path> examples() {
    return Examples.all();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleLoadsWithoutDiagnostics(Path file) {
    TopologyLoad load = loader.load(file);
    assertThat(load.diagnostics()).as(file.toString()).isEmpty();
    assertThat(load).isInstanceOf(TopologyLoad.Loaded.class);
  }

  @Test
  void theFiveRequiredExamplesExist() {
    assertThat(examples()).extracting(p -> p.getFileName().toString()).contains("single-host-bridge.yaml",
        "two-host-vxlan.yaml", "two-host-gre.yaml", "host-and-none-mode.yaml", "three-host-routed.yaml");
  }

  private NetworkModel model(String name) {
    return ((TopologyLoad.Loaded) loader.load(Examples.file(name))).model();
  }

  private static Interface iface(NetworkModel m, String ns, String name) {
    return m.iface(InterfaceRef.of(ns, name)).orElseThrow(() -> new AssertionError("no " + ns + ":" + name));
  }

  @Test
  void singleHostBridge() {
    NetworkModel m = model("single-host-bridge.yaml");
    assertThat(m.namespaces()).extracting(ns -> ns.name().toString()).containsExactly("host1", "pod1", "pod2", "pod3-1");
    Interface br0 = iface(m, "host1", "br0");
    assertThat(br0.kind()).isEqualTo(new InterfaceKind.Bridge(InterfaceKind.Bridge.DEFAULT_AGEING, true));
    assertThat(m.ports(br0.ref())).hasSize(3).allSatisfy(port -> assertThat(port.kind()).isInstanceOf(InterfaceKind.Veth.class));
    assertThat(m.ports(br0.ref())).extracting(p -> m.peer(p.ref()).orElseThrow().ref().toString())
        .containsExactlyInAnyOrder("pod1:eth0", "pod2:eth0", "pod3-1:eth0");
    assertThat(iface(m, "pod3-1", "eth0").addresses()).containsExactly(InterfaceAddress.parse("10.1.0.2/24"));
    assertThat(iface(m, "pod2", "eth0").mac()).isEqualTo(Mac.parse("02:00:00:00:00:02"));
    assertThat(iface(m, "pod1", "eth0").mac()).isEqualTo(Mac.derivedFrom("single-host-bridge/pod1/eth0"));
    Route dflt = m.routes(Name.of("pod1")).lookup(IpAddress.parse("8.8.8.8")).orElseThrow();
    assertThat(dflt.gateway()).contains(IpAddress.parse("10.1.0.1"));
    assertThat(dflt.device()).isEqualTo(InterfaceName.of("eth0"));
    Interface lo = iface(m, "pod1", "lo");
    assertThat(lo.mtu()).isEqualTo(Mtu.LOOPBACK);
    assertThat(lo.addresses()).containsExactly(InterfaceAddress.parse("127.0.0.1/8"), InterfaceAddress.parse("::1/128"));
    Interface eth0 = iface(m, "host1", "eth0");
    assertThat(eth0.kind()).isInstanceOf(InterfaceKind.Physical.class);
    assertThat(m.segmentOf(eth0.ref()).orElseThrow().kind()).isEqualTo(SegmentKind.UNDERLAY);
    assertThat(m.segment(Name.of("underlay")).orElseThrow().subnets()).containsExactly(Cidr.parse("192.168.0.0/24"));
  }

  @Test
  void twoHostVxlan() {
    NetworkModel m = model("two-host-vxlan.yaml");
    for (String[] host : new String[][] {{"host1", "192.168.0.1", "192.168.0.2"}, {"host2", "192.168.0.2", "192.168.0.1"}}) {
      Interface vx = iface(m, host[0], "vxlan42");
      InterfaceKind.Vxlan kind = (InterfaceKind.Vxlan) vx.kind();
      assertThat(kind.vni().value()).isEqualTo(42);
      assertThat(kind.port()).isEqualTo(4789);
      assertThat(kind.learning()).isFalse();
      assertThat(kind.local()).isEqualTo(IpAddress.parse(host[1]));
      assertThat(kind.fdb()).containsExactly(new InterfaceKind.FdbEntry(Mac.ZERO, IpAddress.parse(host[2])));
      assertThat(vx.mtu()).isEqualTo(Mtu.of(1450));
      assertThat(m.master(vx.ref()).orElseThrow().ref()).isEqualTo(InterfaceRef.of(host[0], "br0"));
      assertThat(m.underlayOf(vx.ref()).orElseThrow().ref()).isEqualTo(InterfaceRef.of(host[0], "eth0"));
    }
    assertThat(m.namespaces()).filteredOn(ns -> !ns.isHostRoot())
        .allSatisfy(ns -> assertThat(ns.mode()).isEqualTo(NetworkMode.OVERLAY));
    // one address sequence per shared subnet: db-1 continues after web-3 and skips both gateways
    assertThat(List.of("web-1", "web-2", "web-3", "db-1", "db-2")).extracting(ns -> iface(m, ns, "eth0").addresses().getFirst()
        .toString()).containsExactly("10.10.0.2/24", "10.10.0.3/24", "10.10.0.4/24", "10.10.0.5/24", "10.10.0.6/24");
    assertThat(m.routes(Name.of("db-1")).lookup(IpAddress.parse("1.1.1.1")).orElseThrow().gateway())
        .contains(IpAddress.parse("10.10.0.254"));
  }

  @Test
  void twoHostGre() {
    NetworkModel m = model("two-host-gre.yaml");
    Interface left = iface(m, "left", "gre-right");
    InterfaceKind.Gre kind = (InterfaceKind.Gre) left.kind();
    assertThat(kind).isEqualTo(new InterfaceKind.Gre(IpAddress.parse("172.16.0.1"), IpAddress.parse("172.16.0.2"),
        Optional.of(1234L), true));
    assertThat(left.mtu()).isEqualTo(Mtu.of(1500 - kind.encapsulationOverhead()));
    assertThat(((InterfaceKind.Gre) iface(m, "right", "gre-left").kind()).remote()).isEqualTo(IpAddress.parse("172.16.0.1"));
    assertThat(m.master(left.ref()).orElseThrow().ref()).isEqualTo(InterfaceRef.of("left", "br0"));
    assertThat(m.underlayOf(left.ref()).orElseThrow().ref()).isEqualTo(InterfaceRef.of("left", "eth0"));
    assertThat(m.peer(InterfaceRef.of("client", "eth0")).flatMap(p -> m.master(p.ref())).orElseThrow().ref())
        .isEqualTo(InterfaceRef.of("left", "br0"));
  }

  @Test
  void hostAndNoneMode() {
    NetworkModel m = model("host-and-none-mode.yaml");
    Namespace agent = m.namespace(Name.of("monitoring-agent")).orElseThrow();
    assertThat(agent.mode()).isEqualTo(NetworkMode.HOST);
    assertThat(m.interfaces(agent.name())).isEmpty();
    assertThat(m.stackOf(agent).name()).isEqualTo(Name.of("node1"));
    Namespace job = m.namespace(Name.of("batch-job")).orElseThrow();
    assertThat(job.mode()).isEqualTo(NetworkMode.NONE);
    assertThat(m.interfaces(job.name())).extracting(i -> i.ref().name().toString()).containsExactly("lo");
    assertThat(m.routes(job.name()).routes()).isEmpty();
    assertThat(m.namespace(Name.of("web")).orElseThrow().mode()).isEqualTo(NetworkMode.BRIDGE);
  }

  @Test
  void threeHostRouted() {
    NetworkModel m = model("three-host-routed.yaml");
    assertThat(m.segment(Name.of("internet")).orElseThrow().kind()).isEqualTo(SegmentKind.EXTERNAL);
    assertThat(m.segment(Name.of("dc2")).orElseThrow().kind()).isEqualTo(SegmentKind.UNDERLAY);
    assertThat(m.members(Name.of("dc2"))).extracting(i -> i.ref().toString()).containsExactly("gw:eth1", "host3:eth0");
    // host3 reaches host1's underlay through the router
    assertThat(m.routes(Name.of("host3")).lookup(IpAddress.parse("192.168.1.11")).orElseThrow().gateway())
        .contains(IpAddress.parse("192.168.2.1"));
    assertThat(m.routes(Name.of("gw")).lookup(IpAddress.parse("8.8.8.8")).orElseThrow().device())
        .isEqualTo(InterfaceName.of("eth2"));
    // flannel layout on host1: .0/32 on the device, and onlink route + neighbour + FDB per other host
    Interface vx = iface(m, "host1", "vxlan1");
    assertThat(vx.addresses()).containsExactly(InterfaceAddress.parse("10.244.1.0/32"));
    assertThat(m.master(vx.ref())).isEmpty();
    assertThat(m.underlayOf(iface(m, "host3", "vxlan1").ref()).orElseThrow().ref()).isEqualTo(InterfaceRef.of("host3", "eth0"));
    Route toHost3 = m.routes(Name.of("host1")).lookup(IpAddress.parse("10.244.3.10")).orElseThrow();
    assertThat(toHost3.gateway()).contains(IpAddress.parse("10.244.3.0"));
    assertThat(toHost3.onlink()).isTrue();
    assertThat(toHost3.device()).isEqualTo(InterfaceName.of("vxlan1"));
    Mac host3Vtep = iface(m, "host3", "vxlan1").mac();
    assertThat(m.neighbors(Name.of("host1"))).anySatisfy(n -> {
      assertThat(n.address()).isEqualTo(IpAddress.parse("10.244.3.0"));
      assertThat(n.mac()).isEqualTo(host3Vtep);
    });
    assertThat(((InterfaceKind.Vxlan) vx.kind()).fdb())
        .contains(new InterfaceKind.FdbEntry(host3Vtep, IpAddress.parse("192.168.2.13")));
    assertThat(((InterfaceKind.Vxlan) vx.kind()).port()).isEqualTo(8472);
  }
}
