package dev.weft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.NetworkModel;
import dev.weft.sim.reach.ReachRequest;
import dev.weft.topology.TopologyLoad;
import dev.weft.topology.TopologyLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Traffic a namespace sends to itself leaves from its own address, so OUTPUT rules on that source apply. */
class SelfTrafficRulesTest {
  private static NetworkModel model() {
    TopologyLoad load = new TopologyLoader().load("self.yaml", """
        name: self
        hosts:
          - name: h1
            bridges: [{name: br0, gateway: 10.1.0.1/24}]
            namespaces:
              - name: pod
                mode: bridge
                interfaces: [{name: eth0, addresses: [10.1.0.10/24]}]
                routes: [{dst: default, via: 10.1.0.1}]
                chains: |
                  *filter
                  :INPUT ACCEPT [0:0]
                  :FORWARD ACCEPT [0:0]
                  :OUTPUT ACCEPT [0:0]
                  -A OUTPUT -s 10.1.0.10/32 -d 10.1.0.10/32 -p tcp -m tcp --dport 80 -j DROP
                  COMMIT
            veths: [{endpoints: ["pod:eth0", "br0"]}]
        """);
    assertThat(load).as(load.diagnostics().toString()).isInstanceOf(TopologyLoad.Loaded.class);
    return ((TopologyLoad.Loaded) load).model();
  }

  @Test
  void bothPathsDropBySourceAddress() {
    Simulator sim = Simulator.of(model());
    Trace t = sim.trace(TraceRequest.of(Endpoint.parse("pod"), Target.parse("10.1.0.10")));
    assertThat(t.disposition().verdict()).isEqualTo("DROPPED (POLICY)");
    var m = sim.reach(new ReachRequest(List.of(), List.of(), Protocol.TCP, 80));
    assertThat(m.cell("pod", "pod").outcome()).isEqualTo(Outcome.DROPPED);
    assertThat(sim.reach(new ReachRequest(List.of(), List.of(), Protocol.TCP, 81)).cell("pod", "pod").outcome())
        .isEqualTo(Outcome.DELIVERED);
  }
}
