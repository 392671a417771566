package dev.weft.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.route.Route;
import dev.weft.model.route.RouteOrigin;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkModelTest {
  private static final Name H1 = Name.of("host1");
  private static final Name POD = Name.of("pod1");

  static Interface iface(String ns, String name, InterfaceKind kind, String... addrs) {
    InterfaceRef ref = InterfaceRef.of(ns, name);
    return new Interface(ref, kind, Mac.derivedFrom(ref.toString()), Mtu.ETHERNET,
        List.of(addrs).stream().map(InterfaceAddress::parse).toList(), true);
  }

  static NetworkModelBuilder singleBridge() {
    return NetworkModel.builder(Name.of("t"))
        .host(new Host(H1))
        .namespace(new Namespace(POD, H1, NamespaceRole.CONTAINER, NetworkMode.BRIDGE, false))
        .iface(iface("host1", "br0", new InterfaceKind.Bridge(Duration.ofSeconds(300), true), "10.0.0.1/24"))
        .iface(iface("host1", "veth1", new InterfaceKind.Veth(false)))
        .iface(iface("pod1", "eth0", new InterfaceKind.Veth(false), "10.0.0.2/24"))
        .vethPeer(InterfaceRef.of("pod1", "eth0"), InterfaceRef.of("host1", "veth1"))
        .bridgePort(InterfaceRef.of("host1", "veth1"), InterfaceRef.of("host1", "br0"))
        .route(POD, Route.via(Cidr.parse("0.0.0.0/0"), IpAddress.parse("10.0.0.1"), InterfaceName.of("eth0")));
  }

  @Test
  void indexesAreDerivedFromTheGraph() {
    NetworkModel m = singleBridge().build();
    InterfaceRef podEth = InterfaceRef.of("pod1", "eth0");
    InterfaceRef hostVeth = InterfaceRef.of("host1", "veth1");
    assertThat(m.peer(podEth).map(Interface::ref)).contains(hostVeth);
    assertThat(m.peer(hostVeth).map(Interface::ref)).contains(podEth);
    assertThat(m.master(hostVeth).map(Interface::ref)).contains(InterfaceRef.of("host1", "br0"));
    assertThat(m.ports(InterfaceRef.of("host1", "br0"))).extracting(Interface::ref).containsExactly(hostVeth);
    assertThat(m.ownerOf(IpAddress.parse("10.0.0.2")).map(Interface::ref)).contains(podEth);
    assertThat(m.namespacesOn(H1)).extracting(Namespace::name).containsExactly(H1, POD);
    assertThat(m.graph().vertexSet()).hasSize(1 + 2 + 3);
  }

  @Test
  void connectedRoutesComeFromAddresses() {
    NetworkModel m = singleBridge().build();
    Route toGateway = m.routes(POD).lookup(IpAddress.parse("10.0.0.1")).orElseThrow();
    assertThat(toGateway.origin()).isEqualTo(RouteOrigin.CONNECTED);
    assertThat(toGateway.gateway()).isEmpty();
    Route outside = m.routes(POD).lookup(IpAddress.parse("8.8.8.8")).orElseThrow();
    assertThat(outside.isDefault()).isTrue();
    assertThat(outside.gateway()).contains(IpAddress.parse("10.0.0.1"));
    assertThat(m.routes(H1).lookup(IpAddress.parse("10.0.0.9")).orElseThrow().device()).isEqualTo(InterfaceName.of("br0"));
    assertThat(m.routes(H1).lookup(IpAddress.parse("8.8.8.8"))).isEmpty();
  }

  @Test
  void graphIsImmutable() {
    NetworkModel m = singleBridge().build();
    assertThatThrownBy(() -> m.graph().addVertex(new Host(Name.of("x")))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsBrokenInvariants() {
    assertThatThrownBy(() -> singleBridge().iface(iface("pod1", "eth1", new InterfaceKind.Veth(false), "10.0.0.2/24")))
        .isInstanceOf(ModelException.class).hasMessageContaining("10.0.0.2");
    assertThatThrownBy(() -> singleBridge().iface(iface("nowhere", "eth0", new InterfaceKind.Veth(false))))
        .hasMessageContaining("unknown namespace nowhere");
    assertThatThrownBy(() -> singleBridge().vethPeer(InterfaceRef.of("pod1", "eth0"), InterfaceRef.of("host1", "br0")))
        .hasMessageContaining("expected a veth");
    assertThatThrownBy(() -> singleBridge().namespace(new Namespace(H1, H1, NamespaceRole.CONTAINER, NetworkMode.NONE, false)))
        .hasMessageContaining("duplicate namespace host1");
  }

  @Test
  void hostModeContainersUseTheHostStack() {
    Namespace hostPod = new Namespace(Name.of("hp"), H1, NamespaceRole.CONTAINER, NetworkMode.HOST, false);
    NetworkModel m = singleBridge().namespace(hostPod).build();
    assertThat(m.stackOf(hostPod).name()).isEqualTo(H1);
    assertThatThrownBy(() -> singleBridge().namespace(hostPod).iface(iface("hp", "eth0", new InterfaceKind.Veth(false))))
        .hasMessageContaining("shares its host's stack");
  }
}
