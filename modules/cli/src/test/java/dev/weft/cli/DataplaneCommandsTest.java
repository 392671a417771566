package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.dataplane.stats.DataplaneStats;
import dev.weft.dataplane.stats.MetricsServer;
import dev.weft.dataplane.stats.PortStats;
import dev.weft.engine.event.DropReason;
import dev.weft.model.testing.GoldenFiles;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** {@code weft dataplane run|stats} without root: options, a real /metrics endpoint over loopback, and help. */
class DataplaneCommandsTest {
  static final String VXLAN = "../../topologies/two-host-vxlan.yaml";

  private static final DataplaneStats STATS = new DataplaneStats("host2", List.of(
      new PortStats("tap:db-1:eth0", "tap", 12, 1176, 10, 980, 0, Map.of()),
      new PortStats("vxlan/192.168.0.2:4789", "udp", 30, 4200, 31, 4310, 1, Map.of(DropReason.NO_ROUTE, 2L))), 7, 3);

  @Test
  void statsReadsTheCountersFromTheMetricsEndpoint() throws Exception {
    try (MetricsServer server = MetricsServer.start(0, () -> STATS)) {
      Cli.Result text = Cli.run("dataplane", "stats", "--port", Integer.toString(server.port()));
      assertThat(text.exitCode()).as(text.err()).isZero();
      assertThat(text.out()).startsWith("dataplane on host2").contains("tap:db-1:eth0").contains("1176")
          .contains("no_route=2").contains("flow cache: 7 hits, 3 misses");
      Cli.Result json = Cli.run("dataplane", "stats", "--port", Integer.toString(server.port()), "--format", "json");
      assertThat(json.exitCode()).as(json.err()).isZero();
      JsonNode tree = Json.mapper().readTree(json.out());
      assertThat(tree.get("host").asString()).isEqualTo("host2");
      assertThat(tree.get("ports").get(0).get("rxBytes").asLong()).isEqualTo(1176);
      assertThat(tree.get("ports").get(1).get("drops").get("NO_ROUTE").asLong()).isEqualTo(2);
    }
  }

  @Test
  void statsWithoutADataplaneSaysWhereItLookedInOneLine() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Cli.Result r = Cli.run("dataplane", "stats", "--port", Integer.toString(port));
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err().lines().toList()).singleElement().satisfies(l -> assertThat(l)
        .contains("no dataplane metrics endpoint at http://127.0.0.1:" + port + "/metrics"));
  }

  @Test
  void badOptionsAreInvalidInput() {
    assertThat(Cli.run("dataplane", "stats", "--port", "70000").err()).contains("--port must be 1..65535");
    assertThat(Cli.run("dataplane", "stats", "-o", "csv").err()).contains("expected one of text, json");
    Cli.Result noHost = Cli.run("dataplane", "run", VXLAN);
    assertThat(noHost.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(noHost.err()).contains("--host");
    Cli.Result unknown = Cli.run("dataplane", "run", VXLAN, "--host", "host9");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(unknown.err()).contains("two-host-vxlan.yaml: --host host9").contains("its hosts are host1, host2");
    assertThat(Cli.run("dataplane", "run", VXLAN, "--host", "host2", "--vxlan-port", "0").err())
        .contains("vxlan port must be 1..65535");
    assertThat(Cli.run("dataplane", "run", VXLAN, "--host", "host2", "--metrics-port", "-3").err())
        .contains("metrics port must be 0..65535");
    assertThat(Cli.run("dataplane", "run", VXLAN, "--host", "host2", "--lab", "Nope").err()).contains("invalid lab name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "stats"})
  void helpMatchesGolden(String command) {
    Cli.Result r = Cli.run("dataplane", command, "--help");
    assertThat(r.exitCode()).isZero();
    GoldenFiles.assertMatches("help/dataplane-" + command + ".txt", r.out());
  }
}
