package dev.weft.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Interface;
import dev.weft.model.InterfaceKind;
import dev.weft.model.InterfaceRef;
import dev.weft.model.NetworkModel;
import dev.weft.model.route.Route;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Features of the format that the bundled examples do not use, one small topology each. */
class FeatureTest {
  private final TopologyLoader loader = new TopologyLoader();

  private NetworkModel load(String yaml) {
    TopologyLoad load = loader.load("feature.yaml", yaml);
    assertThat(load.diagnostics()).as(yaml).isEmpty();
    return ((TopologyLoad.Loaded) load).model();
  }

  private static Interface iface(NetworkModel m, String ns, String name) {
    return m.iface(InterfaceRef.of(ns, name)).orElseThrow();
  }

  @Test
  void hostForwardingDefaultsOnAndCanBeTurnedOff() {
    NetworkModel m = load("""
        name: fwd
        hosts:
          - name: h1
          - name: h2
            ipForward: false
        """);
    assertThat(m.namespace(Name.of("h1")).orElseThrow().ipForward()).isTrue();
    assertThat(m.namespace(Name.of("h2")).orElseThrow().ipForward()).isFalse();
    assertThat(m.namespace(Name.of("h2")).orElseThrow().isHostRoot()).isTrue();
  }

  @Test
  void routedContainerWithANamedHostSideVeth() {
    NetworkModel m = load("""
        name: routed
        hosts:
          - name: h1
            namespaces:
              - name: r1
                mode: bridge
                ipForward: true
                interfaces: [{name: eth0, addresses: [10.0.5.2/30], mtu: 9000}]
                routes: [{dst: default, via: 10.0.5.1}]
            veths:
              - endpoints: ["r1:eth0", "h1:rt-r1"]
            routes:
              - {dst: 10.0.5.0/30, dev: rt-r1}
              - {dst: 10.99.0.7, via: 10.0.5.2, dev: rt-r1, onlink: true}
        """);
    Interface hostSide = iface(m, "h1", "rt-r1");
    assertThat(m.peer(hostSide.ref()).orElseThrow().ref()).isEqualTo(InterfaceRef.of("r1", "eth0"));
    assertThat(hostSide.mtu()).isEqualTo(Mtu.of(9000));
    assertThat(m.namespace(Name.of("r1")).orElseThrow().ipForward()).isTrue();
    Route hostRoute = m.routes(Name.of("h1")).lookup(IpAddress.parse("10.99.0.7")).orElseThrow();
    assertThat(hostRoute.destination()).isEqualTo(Cidr.parse("10.99.0.7/32"));
    assertThat(hostRoute.onlink()).isTrue();
    assertThat(m.routes(Name.of("h1")).lookup(IpAddress.parse("10.0.5.2")).orElseThrow().device())
        .isEqualTo(InterfaceName.of("rt-r1"));
  }

  @Test
  void dualStackInterfacesAndIpv6DefaultRoutes() {
    NetworkModel m = load("""
        name: dual
        hosts:
          - name: h1
            bridges: [{name: br0, gateway: 10.1.0.1/24}]
            namespaces:
              - name: p
                mode: bridge
                interfaces: [{name: eth0, addresses: [10.1.0.5/24, "fd00:1::5/64"]}]
                routes:
                  - {dst: default, via: 10.1.0.1}
                  - {dst: default, via: "fd00:1::1"}
            veths: [{endpoints: ["p:eth0", br0]}]
        """);
    assertThat(m.routes(Name.of("p")).lookup(IpAddress.parse("2001:db8::1")).orElseThrow().gateway())
        .contains(IpAddress.parse("fd00:1::1"));
    assertThat(m.routes(Name.of("p")).lookup(IpAddress.parse("1.1.1.1")).orElseThrow().gateway())
        .contains(IpAddress.parse("10.1.0.1"));
  }

  @Test
  void anchorsAndMergeKeysShareSettings() {
    NetworkModel m = load("""
        name: anchors
        hosts:
          - name: h1
            bridges:
              - &br {name: br0, gateway: 10.1.0.1/24, mtu: 1400}
              - {<<: *br, name: br1, gateway: 10.2.0.1/24}
        """);
    assertThat(iface(m, "h1", "br1").mtu()).isEqualTo(Mtu.of(1400));
    assertThat(iface(m, "h1", "br1").addresses()).containsExactly(InterfaceAddress.parse("10.2.0.1/24"));
  }

  @Test
  void vxlanWithLearningADeviceNameAndAChosenUplink() {
    NetworkModel m = load("""
        name: vx
        networks: [{name: storage, subnet: 172.20.0.0/24, mtu: 9000}]
        hosts:
          - name: h1
            underlay: 10.0.0.1/24
            uplinks: [{name: eth1, network: storage, address: 172.20.0.1/24}]
            bridges: [{name: br0, mtu: 8950}]
          - name: h2
            underlay: 10.0.0.2/24
            uplinks: [{name: eth1, network: storage, address: 172.20.0.2/24}]
            bridges: [{name: br0, mtu: 8950}]
        overlays:
          - name: jumbo
            type: vxlan
            vni: 100
            learning: true
            device: vx-jumbo
            members: [{host: h1, bridge: br0, uplink: eth1}, {host: h2, bridge: br0, uplink: eth1}]
        """);
    Interface vx = iface(m, "h1", "vx-jumbo");
    InterfaceKind.Vxlan kind = (InterfaceKind.Vxlan) vx.kind();
    assertThat(kind.learning()).isTrue();
    assertThat(kind.fdb()).isEmpty();
    assertThat(kind.local()).isEqualTo(IpAddress.parse("172.20.0.1"));
    assertThat(vx.mtu()).isEqualTo(Mtu.of(8950));
    assertThat(m.underlayOf(vx.ref()).orElseThrow().ref()).isEqualTo(InterfaceRef.of("h1", "eth1"));
  }

  @Test
  void greWithoutKeyAndLongPeerNames() {
    NetworkModel m = load("""
        name: gre
        hosts:
          - {name: edge-router-frankfurt, underlay: 10.0.0.1/24, bridges: [{name: br0, mtu: 1400}]}
          - {name: edge-router-paris, underlay: 10.0.0.2/24, bridges: [{name: br0, mtu: 1400}]}
        overlays:
          - {name: t, type: gre, members: [{host: edge-router-frankfurt, bridge: br0}, {host: edge-router-paris, bridge: br0}]}
        """);
    Interface toParis = m.interfaces(Name.of("edge-router-frankfurt")).stream()
        .filter(i -> i.kind() instanceof InterfaceKind.Gre).findFirst().orElseThrow();
    assertThat(toParis.ref().name().value()).matches("gre-[0-9a-f]{8}");
    assertThat(((InterfaceKind.Gre) toParis.kind()).key()).isEmpty();
    assertThat(toParis.mtu()).isEqualTo(Mtu.of(1500 - 38));
  }

  @Test
  void bridgesCanBeJoinedByAVeth() {
    NetworkModel m = load("""
        name: patch
        hosts:
          - name: h1
            bridges: [{name: br0}, {name: br1}]
            veths: [{endpoints: [br0, br1]}]
        """);
    assertThat(m.ports(InterfaceRef.of("h1", "br0"))).singleElement().satisfies(p ->
        assertThat(m.master(m.peer(p.ref()).orElseThrow().ref()).orElseThrow().ref()).isEqualTo(InterfaceRef.of("h1", "br1")));
  }

  @Test
  void podsTakeTheBridgeMtuUnlessTheyHaveTheirOwn() {
    NetworkModel m = load("""
        name: mtus
        hosts:
          - name: h1
            bridges: [{name: br0, gateway: 10.1.0.1/24, mtu: 1400}]
            pods:
              - {name: a, count: 1, bridge: br0, mode: bridge}
              - {name: b, count: 1, bridge: br0, mode: bridge, mtu: 1300}
        """);
    assertThat(iface(m, "a-1", "eth0").mtu()).isEqualTo(Mtu.of(1400));
    assertThat(iface(m, "b-1", "eth0").mtu()).isEqualTo(Mtu.of(1300));
    assertThat(m.peer(InterfaceRef.of("b-1", "eth0")).orElseThrow().mtu()).isEqualTo(Mtu.of(1300));
    assertThat(iface(m, "b-1", "eth0").addresses()).containsExactly(InterfaceAddress.parse("10.1.0.3/24"));
  }

  @Test
  void jsonTopologiesLoadToo(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("t.json");
    Files.writeString(file, """
        {"name": "j", "hosts": [{"name": "h1", "underlay": "10.0.0.1/24"}]}
        """);
    TopologyLoad load = loader.load(file);
    assertThat(load).isInstanceOf(TopologyLoad.Loaded.class);
    assertThat(((TopologyLoad.Loaded) load).model().iface(InterfaceRef.of("h1", "eth0")).map(i -> i.addresses()))
        .isEqualTo(Optional.of(java.util.List.of(InterfaceAddress.parse("10.0.0.1/24"))));
  }
}
