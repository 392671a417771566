package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.testing.GoldenFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimCommandsTest {
  static final String VXLAN = "../../topologies/two-host-vxlan.yaml";
  static final String MODES = "../../topologies/host-and-none-mode.yaml";

  @Test
  void traceCrossesTheOverlayAndEndsDelivered() {
    Cli.Result r = Cli.run("sim", "trace", VXLAN, "--from", "web-1", "--to", "db-1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("encap VXLAN vni 42").contains("decap VXLAN vni 42")
        .contains("Final disposition: DELIVERED");
  }

  @Test
  void traceJsonCarriesTheDisposition() throws Exception {
    Cli.Result r = Cli.run("sim", "trace", VXLAN, "--from", "web-1", "--to", "10.10.0.5", "-o", "json");
    assertThat(r.exitCode()).isZero();
    var tree = Json.mapper().readTree(r.out());
    assertThat(tree.get("disposition").get("outcome").asString()).isEqualTo("DELIVERED");
    assertThat(tree.get("steps").size()).isGreaterThan(5);
  }

  @Test
  void tooBigWithDontFragmentIsDroppedAndFragmentedWithout() {
    Cli.Result df = Cli.run("sim", "trace", VXLAN, "--from", "web-1", "--to", "db-1", "--size", "1500", "--df");
    assertThat(df.out()).contains("MTU_EXCEEDED");
    Cli.Result frag = Cli.run("sim", "trace", VXLAN, "--from", "web-1", "--to", "db-1", "--size", "1500");
    assertThat(frag.out()).contains("DELIVERED");
  }

  @Test
  void tracePcapWritesOneFilePerLink(@TempDir Path dir) throws Exception {
    Cli.Result r = Cli.run("sim", "trace", VXLAN, "--from", "web-1", "--to", "db-1", "--pcap", dir.toString());
    assertThat(r.exitCode()).isZero();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.filter(p -> p.toString().endsWith(".pcap")).count()).isGreaterThanOrEqualTo(5);
    }
  }

  @Test
  void reachMatrixInEveryFormat() throws Exception {
    Cli.Result grid = Cli.run("sim", "reach", MODES, "--explain");
    assertThat(grid.exitCode()).as(grid.err()).isZero();
    // the "none" pod (batch-job) reaches nothing and nothing reaches it; the other pairs are reachable
    assertThat(grid.out()).contains("9 of 16 pairs reachable")
        .containsPattern("(?m)^batch-job\tX\tX\tX\tX$")
        .containsPattern("(?m)^web\t\\.\t\\.\tX\t\\.$")
        .contains("batch-job -> web: DROPPED (NO_ROUTE)");
    Cli.Result csv = Cli.run("sim", "reach", MODES, "-o", "csv");
    assertThat(csv.out().lines().findFirst().orElseThrow()).startsWith("from,to,reachable");
    Cli.Result json = Cli.run("sim", "reach", VXLAN, "--from", "web-1", "--to", "db-1,db-2", "-o", "json");
    assertThat(Json.mapper().readTree(json.out()).get("rows").size()).isEqualTo(1);
  }

  @Test
  void unknownNamespacesAndBadOptionsAreInvalidInput() {
    Cli.Result ns = Cli.run("sim", "trace", VXLAN, "--from", "nope", "--to", "db-1");
    assertThat(ns.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(ns.err()).contains("nope").doesNotContain("\tat ");
    assertThat(Cli.run("sim", "trace", VXLAN, "--from", "web-1", "--to", "db-1", "--proto", "sctp").exitCode())
        .isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(Cli.run("sim", "trace", VXLAN, "--from", "web-1", "--to", "db-1", "--size", "10").exitCode())
        .isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(Cli.run("sim", "reach", VXLAN, "--from", "nope").exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
  }

  @Test
  void demoOutputMatchesGolden() {
    Cli.Result r = Cli.run("demo");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("encap VXLAN vni 42").contains("reachability tcp/80").contains("# 2 passed, 1 failed");
    GoldenFiles.assertMatches("demo.txt", r.out());
  }
}
