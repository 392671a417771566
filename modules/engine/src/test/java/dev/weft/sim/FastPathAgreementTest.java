package dev.weft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.NetworkModel;
import dev.weft.sim.reach.ReachCell;
import dev.weft.sim.reach.ReachMatrix;
import dev.weft.sim.reach.ReachRequest;
import dev.weft.sim.render.ReachRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** On every example, every pair: the fast path's verdict is the byte-level trace's disposition. */
@Tag("slow")
class FastPathAgreementTest {

  static List<Arguments> examples() {
    List<Arguments> out = new ArrayList<>();
    for (Map.Entry<String, NetworkModel> e : Examples.all().entrySet()) {
      out.add(Arguments.of(e.getKey(), e.getValue()));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void fastPathAgreesWithTheByteLevelTrace(String name, NetworkModel model) {
    Simulator sim = Simulator.of(model);
    for (Protocol p : Protocol.values()) {
      ReachRequest request = new ReachRequest(List.of(), List.of(), p, 80);
      ReachMatrix m = sim.reach(request);
      List<String> disagreements = new ArrayList<>();
      for (String from : m.sources()) {
        for (String to : m.destinations()) {
          Trace t = sim.trace(request.traceFor(from, to));
          ReachCell c = m.cell(from, to);
          String fast = c.verdict();
          String slow = t.disposition().verdict();
          if (!fast.equals(slow)) {
            disagreements.add(from + " -> " + to + ": fast " + fast + " (" + c.reason() + "), trace " + slow
                + " (" + t.disposition().detail() + ")");
          }
        }
      }
      System.out.println(name + " " + p + "\n" + ReachRenderer.grid(m));
      assertThat(disagreements).as(name + " " + p).isEmpty();
    }
  }
}
