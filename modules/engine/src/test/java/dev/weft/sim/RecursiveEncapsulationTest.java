package dev.weft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.NetworkModel;
import dev.weft.sim.reach.ReachRequest;
import dev.weft.topology.TopologyLoad;
import dev.weft.topology.TopologyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A three-member L2 VXLAN overlay where host3 routes host2's underlay address via a pod of the overlay:
 * VXLAN to host2 goes back into the overlay, inside VXLAN again, and every level is flooded to two VTEPs.
 * Found by the lab's differential test, where the byte-level trace ran for minutes and, in {@code weft sim
 * trace}, ran out of memory. The nesting is cut at Linux's transmit recursion limit and reported as a loop.
 */
class RecursiveEncapsulationTest {
  private static NetworkModel model() {
    String yaml = """
        name: recursive-vxlan
        hosts:
          - name: host1
            underlay: 192.168.0.1/24
            bridges: [{name: br0, gateway: 10.10.0.1/24, mtu: 1450}]
            pods: [{name: a, count: 1, bridge: br0, mode: overlay}]
          - name: host2
            underlay: 192.168.0.2/24
            bridges: [{name: br0, gateway: 10.10.0.2/24, mtu: 1450}]
            pods: [{name: b, count: 1, bridge: br0, mode: overlay}]
          - name: host3
            underlay: 192.168.0.3/24
            routes: [{dst: 192.168.0.2/32, via: 10.10.0.4}]
            bridges: [{name: br0, gateway: 10.10.0.3/24, mtu: 1450}]
            pods: [{name: c, count: 1, bridge: br0, mode: overlay}]
        overlays:
          - name: blue
            type: vxlan
            vni: 42
            learning: false
            members: [{host: host1, bridge: br0}, {host: host2, bridge: br0}, {host: host3, bridge: br0}]
        """;
    TopologyLoad load = new TopologyLoader().load("recursive-vxlan.yaml", yaml);
    assertThat(load).as(load.diagnostics().toString()).isInstanceOf(TopologyLoad.Loaded.class);
    return ((TopologyLoad.Loaded) load).model();
  }

  @Test
  @Timeout(60)
  void nestedTunnelsAreCutAndReportedAsALoop() {
    Simulator sim = Simulator.of(model());
    Trace t = sim.trace(TraceRequest.of(Endpoint.parse("c-1"), Target.parse("b-1")));
    assertThat(t.disposition().outcome()).as(t.disposition().toString()).isNotEqualTo(Outcome.DELIVERED);
    assertThat(t.steps()).anySatisfy(s -> assertThat(s).isInstanceOfSatisfying(TraceStep.LoopDetected.class,
        l -> assertThat(l.detail()).contains("encapsulated 9 times")));
    assertThat(sim.reach(ReachRequest.all()).cell("c-1", "b-1").reachable()).as("the fast path agrees").isFalse();
  }

  @Test
  @Timeout(60)
  void pathsThatDoNotTouchTheRouteStillWork() {
    Trace t = Simulator.of(model()).trace(TraceRequest.of(Endpoint.parse("a-1"), Target.parse("b-1")));
    assertThat(t.disposition().outcome()).as(t.disposition().toString()).isEqualTo(Outcome.DELIVERED);
  }
}
