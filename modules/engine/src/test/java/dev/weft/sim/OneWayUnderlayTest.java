package dev.weft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.NetworkModel;
import dev.weft.sim.reach.ReachRequest;
import dev.weft.topology.TopologyLoad;
import dev.weft.topology.TopologyLoader;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * A flannel-style overlay needs no answer through the tunnel (its neighbours and FDB entries are
 * permanent), so a packet crosses an underlay that only carries it one way, as the kernel delivers it.
 */
class OneWayUnderlayTest {

  /** three-host-routed with host3's default route removed: host3 can no longer reach back to host1. */
  private static NetworkModel oneWay() throws Exception {
    String yaml = Files.readString(Examples.repositoryTopologies().resolve("three-host-routed.yaml"));
    String host3 = "  - name: host3\n    uplinks:\n      - {name: eth0, network: dc2, address: 192.168.2.13/24}\n"
        + "    routes:\n      - {dst: default, via: 192.168.2.1}\n";
    assertThat(yaml).contains(host3);
    yaml = yaml.replace(host3, "  - name: host3\n    uplinks:\n      - {name: eth0, network: dc2, address: 192.168.2.13/24}\n");
    TopologyLoad load = new TopologyLoader().load("one-way.yaml", yaml);
    assertThat(load).as(load.diagnostics().toString()).isInstanceOf(TopologyLoad.Loaded.class);
    return ((TopologyLoad.Loaded) load).model();
  }

  @Test
  void bytesAndFastPathBothDeliverOneWay() throws Exception {
    Simulator sim = Simulator.of(oneWay());
    Trace there = sim.trace(TraceRequest.of(Endpoint.parse("frontend-1"), Target.parse("db")));
    assertThat(there.disposition().outcome()).as(there.disposition().toString()).isEqualTo(Outcome.DELIVERED);
    assertThat(sim.reach(ReachRequest.all()).cell("frontend-1", "db").outcome()).isEqualTo(Outcome.DELIVERED);
    Trace back = sim.trace(TraceRequest.of(Endpoint.parse("db"), Target.parse("frontend-1")));
    assertThat(back.disposition().outcome()).isEqualTo(Outcome.DROPPED);
    assertThat(sim.reach(ReachRequest.all()).cell("db", "frontend-1").outcome()).isEqualTo(Outcome.DROPPED);
  }
}
