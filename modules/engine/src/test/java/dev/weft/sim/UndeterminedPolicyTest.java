package dev.weft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.NetworkModel;
import dev.weft.sim.netfilter.RulesetHooks;
import dev.weft.sim.reach.ReachMatrix;
import dev.weft.sim.reach.ReachRequest;
import dev.weft.topology.TopologyLoad;
import dev.weft.topology.TopologyLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule weft cannot interpret makes the verdicts it decides come out undetermined, never guessed. */
class UndeterminedPolicyTest {
  private static final String YAML = """
      name: odd-router
      hosts:
        - name: node1
          chains: |
            *filter
            :INPUT ACCEPT [0:0]
            :FORWARD DROP [0:0]
            :OUTPUT ACCEPT [0:0]
            -A FORWARD -s 10.1.0.0/24 -m frobnicate --level 3 -j ACCEPT
            -A FORWARD -s 10.2.0.0/24 -j ACCEPT
            COMMIT
          bridges:
            - {name: web, gateway: 10.1.0.1/24}
            - {name: app, gateway: 10.2.0.1/24}
          pods:
            - {name: web, count: 1, bridge: web, mode: bridge}
            - {name: app, count: 1, bridge: app, mode: bridge}
      """;

  private static Simulator simulator() {
    TopologyLoad load = new TopologyLoader().load("odd.yaml", YAML);
    NetworkModel model = ((TopologyLoad.Loaded) load).model();
    return Simulator.of(model, RulesetHooks.of(model));
  }

  @Test
  void aTraceThatMeetsAnUninterpretedRuleIsUndetermined() {
    Trace t = simulator().trace(TraceRequest.of(Endpoint.parse("web-1"), Target.parse("app-1")));
    assertThat(t.disposition().outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(t.disposition().detail()).contains("FORWARD");
    Trace other = simulator().trace(TraceRequest.of(Endpoint.parse("app-1"), Target.parse("web-1")));
    assertThat(other.disposition().outcome()).isEqualTo(Outcome.DELIVERED);
  }

  @Test
  void theMatrixMarksThoseCellsWithAQuestionMarkAndExplainsThem() {
    Simulator sim = simulator();
    ReachMatrix m = sim.reach(new ReachRequest(List.of(), List.of(), Protocol.TCP, 80));
    int web = m.sources().indexOf("web-1");
    int app = m.destinations().indexOf("app-1");
    assertThat(m.rows().get(web).charAt(app)).isEqualTo(ReachMatrix.UNDETERMINED);
    assertThat(m.cell("web-1", "app-1").outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(m.rows().get(m.sources().indexOf("app-1")).charAt(m.destinations().indexOf("web-1")))
        .isEqualTo(ReachMatrix.REACHABLE);
  }
}
