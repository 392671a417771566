package dev.weft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.value.Name;
import dev.weft.sim.reach.ReachMatrix;
import dev.weft.sim.reach.ReachRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Traces and matrices serialise with a stock Jackson 3 mapper, as the CLI's -o json will. */
class JsonShapeTest {
  private final ObjectMapper json = JsonMapper.builder().build();

  @Test
  void aTraceSerialisesWithTypedStepsEventsAndHeaders() {
    Trace t = Simulator.of(Topologies.twoHostVxlan()).trace(TraceRequest.of(Endpoint.of(Name.of("pod1")), Target.parse("pod2")));
    JsonNode root = json.readTree(json.writeValueAsString(t));
    assertThat(root.path("request").path("from").asString()).isEqualTo("pod1");
    assertThat(root.path("request").path("to").asString()).isEqualTo("pod2");
    assertThat(root.path("disposition").path("outcome").asString()).isEqualTo("DELIVERED");
    assertThat(root.path("disposition").path("at").path("namespace").asString()).isEqualTo("pod2");
    JsonNode steps = root.path("steps");
    assertThat(steps.get(0).path("step").asString()).isEqualTo("Sent");
    assertThat(steps.get(0).path("headers").get(0).path("type").asString()).isEqualTo("Ipv4Header");
    List<JsonNode> encaps = new ArrayList<>();
    for (JsonNode s : steps) {
      if (s.path("event").path("type").asString("").equals("Encapsulated") && s.path("role").asString().equals("PACKET")) {
        encaps.add(s.path("event"));
      }
    }
    assertThat(encaps).singleElement().satisfies(e -> {
      assertThat(e.path("id").asLong()).isEqualTo(42);
      assertThat(e.path("outerDestination").asString()).isEqualTo("192.168.0.2");
      assertThat(e.path("device").asString()).isEqualTo("host1:vxlan42");
    });
  }

  @Test
  void aMatrixSerialisesAsRowsAndBlockedCells() {
    ReachMatrix m = Simulator.of(Topologies.hostAndNone()).reach(ReachRequest.all());
    JsonNode root = json.readTree(json.writeValueAsString(m));
    assertThat(root.path("sources").size()).isEqualTo(4);
    assertThat(root.path("rows").get(0).asString()).hasSize(4);
    JsonNode blocked = root.path("blocked").get(0);
    assertThat(blocked.path("outcome").asString()).isEqualTo("DROPPED");
    assertThat(blocked.path("cause").asString()).isIn("NO_ROUTE", "NO_SUCH_ADDRESS");
  }
}
