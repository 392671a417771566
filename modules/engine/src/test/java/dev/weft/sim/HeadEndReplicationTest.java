package dev.weft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.NetworkModel;
import dev.weft.sim.reach.ReachMatrix;
import dev.weft.sim.reach.ReachRequest;
import dev.weft.topology.TopologyLoad;
import dev.weft.topology.TopologyLoader;
import org.junit.jupiter.api.Test;

/**
 * An L2 VXLAN overlay with three members: a flooded frame (an ARP request) is replicated to every remote
 * VTEP with the same payload, and each copy must arrive; the copies are not a loop.
 */
class HeadEndReplicationTest {
  private static NetworkModel threeMemberOverlay() {
    StringBuilder y = new StringBuilder("name: three-vteps\nhosts:\n");
    for (int h = 1; h <= 3; h++) {
      y.append("  - name: host").append(h).append("\n    underlay: 192.168.0.").append(h).append("/24\n")
          .append("    bridges: [{name: br0, gateway: 10.10.0.").append(250 + h).append("/24, mtu: 1450}]\n")
          .append("    pods: [{name: p").append(h).append(", count: 1, bridge: br0, mode: overlay}]\n");
    }
    y.append("overlays:\n  - name: blue\n    type: vxlan\n    vni: 42\n    members:\n");
    for (int h = 1; h <= 3; h++) {
      y.append("      - {host: host").append(h).append(", bridge: br0}\n");
    }
    TopologyLoad load = new TopologyLoader().load("three-vteps.yaml", y.toString());
    assertThat(load).as(load.diagnostics().toString()).isInstanceOf(TopologyLoad.Loaded.class);
    return ((TopologyLoad.Loaded) load).model();
  }

  @Test
  void everyRemoteOfTheFloodListIsReachedOnBytes() {
    Simulator sim = Simulator.of(threeMemberOverlay());
    for (String to : new String[] {"p2-1", "p3-1"}) {
      Trace t = sim.trace(TraceRequest.of(Endpoint.parse("p1-1"), Target.parse(to)));
      assertThat(t.disposition().outcome()).as("p1-1 -> " + to + "\n" + t.disposition()).isEqualTo(Outcome.DELIVERED);
      assertThat(t.steps()).noneMatch(s -> s instanceof TraceStep.LoopDetected);
    }
  }

  @Test
  void theFastPathAgrees() {
    ReachMatrix m = Simulator.of(threeMemberOverlay()).reach(ReachRequest.all());
    assertThat(m.reachableCount()).isEqualTo((long) m.sources().size() * m.destinations().size());
  }
}
