package dev.weft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.event.ForwardingEvent;
import dev.weft.model.InterfaceKind;
import dev.weft.model.NetworkModel;
import dev.weft.model.SegmentKind;
import dev.weft.model.value.Name;
import dev.weft.sim.reach.ReachRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IPv6 end to end: neighbour discovery across a bridge, routing, and packet-too-big instead of fragmentation. */
class Ipv6SimulationTest {

  /** Two IPv6-only pods on a bridge, and a third behind the host on a 1280-MTU link. */
  private static NetworkModel model() {
    ModelDsl m = new ModelDsl("v6").segment("underlay", SegmentKind.UNDERLAY, "192.168.0.0/24", 1500)
        .host("host1", "underlay", "192.168.0.1/24");
    m.iface("host1", "br0", new InterfaceKind.Bridge(java.time.Duration.ofSeconds(300), false), 1500, "fd00:1::1/64");
    for (int i = 2; i <= 3; i++) {
      m.namespace("pod" + i, "host1", dev.weft.model.NetworkMode.BRIDGE, false);
      m.iface("pod" + i, "eth0", new InterfaceKind.Veth(false), 1500, "fd00:1::" + i + "/64");
      m.iface("host1", "veth" + i, new InterfaceKind.Veth(false), 1500);
      m.b.vethPeer(dev.weft.model.InterfaceRef.of("pod" + i, "eth0"), dev.weft.model.InterfaceRef.of("host1", "veth" + i));
      m.b.bridgePort(dev.weft.model.InterfaceRef.of("host1", "veth" + i), dev.weft.model.InterfaceRef.of("host1", "br0"));
      m.route("pod" + i, "::/0", "fd00:1::1", "eth0");
    }
    m.namespace("far", "host1", dev.weft.model.NetworkMode.BRIDGE, false);
    m.iface("far", "eth0", new InterfaceKind.Veth(false), 1280, "fd00:2::2/64");
    m.iface("host1", "vfar", new InterfaceKind.Veth(false), 1280, "fd00:2::1/64");
    m.b.vethPeer(dev.weft.model.InterfaceRef.of("far", "eth0"), dev.weft.model.InterfaceRef.of("host1", "vfar"));
    m.route("far", "::/0", "fd00:2::1", "eth0");
    return m.build();
  }

  @Test
  void podsFindEachOtherWithNeighbourDiscovery() {
    Trace t = Simulator.of(model()).trace(TraceRequest.of(Endpoint.of(Name.of("pod2")), Target.parse("fd00:1::3")));
    assertThat(t.disposition().verdict()).isEqualTo("DELIVERED");
    assertThat(t.packetSteps()).anySatisfy(s -> assertThat(s).isInstanceOfSatisfying(TraceStep.Decision.class,
        d -> assertThat(d.event()).isInstanceOf(ForwardingEvent.NeighborSolicited.class)));
    assertThat(t.steps()).anySatisfy(s -> assertThat(s).isInstanceOfSatisfying(TraceStep.Decision.class,
        d -> assertThat(d.event()).isInstanceOf(ForwardingEvent.NeighborAnswered.class)));
  }

  @Test
  void aRoutedPacketTooBigForTheNextLinkGetsPacketTooBigNotFragments() {
    TraceRequest big = new TraceRequest(Endpoint.of(Name.of("pod2")), Target.parse("fd00:2::2"), Protocol.UDP, 40000, 53, 1400, false);
    Trace t = Simulator.of(model()).trace(big);
    assertThat(t.disposition().verdict()).isEqualTo("DROPPED (MTU_EXCEEDED)");
    assertThat(t.packetSteps()).anySatisfy(s -> assertThat(s).isInstanceOfSatisfying(TraceStep.Decision.class,
        d -> assertThat(d.event()).isEqualTo(new ForwardingEvent.IcmpErrorSent(dev.weft.model.value.IpAddress.parse("fd00:1::2"),
            "packet too big, mtu 1280"))));
    Trace small = Simulator.of(model()).trace(big.withSize(1200, false));
    assertThat(small.disposition().verdict()).isEqualTo("DELIVERED");
  }

  @Test
  void theFastPathAgrees() {
    Simulator sim = Simulator.of(model());
    for (Protocol p : Protocol.values()) {
      ReachRequest r = new ReachRequest(List.of(), List.of(), p, 80);
      var m = sim.reach(r);
      for (String from : m.sources()) {
        for (String to : m.destinations()) {
          assertThat(m.cell(from, to).verdict()).as(from + " -> " + to + " " + p)
              .isEqualTo(sim.trace(r.traceFor(from, to)).disposition().verdict());
        }
      }
    }
  }
}
