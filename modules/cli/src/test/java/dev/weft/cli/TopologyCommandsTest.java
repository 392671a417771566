package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.testing.GoldenFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TopologyCommandsTest {
  static final Path TOPOLOGIES = Path.of("../../topologies");

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(TOPOLOGIES)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  static String base(Path p) {
    return p.getFileName().toString().replace(".yaml", "");
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleChecksClean(Path file) {
    Cli.Result r = Cli.run("check", file.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains(file + ": ok");
    assertThat(r.err()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void showMatchesGolden(Path file) {
    Cli.Result r = Cli.run("show", file.toString());
    assertThat(r.exitCode()).isZero();
    GoldenFiles.assertMatches("show/" + base(file) + ".txt", r.out());
  }

  @ParameterizedTest
  @MethodSource("examples")
  void graphDotMatchesGoldenAndRenders(Path file, @TempDir Path tmp) throws Exception {
    Cli.Result r = Cli.run("graph", file.toString());
    assertThat(r.exitCode()).isZero();
    GoldenFiles.assertMatches("graph/" + base(file) + ".dot", r.out());
    Path dot = tmp.resolve("g.dot");
    Files.writeString(dot, r.out());
    Process p = new ProcessBuilder("dot", "-Tsvg", dot.toString(), "-o", tmp.resolve("g.svg").toString())
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
    assertThat(Files.readString(tmp.resolve("g.svg"))).contains("<svg").contains("cluster");
  }

  @Test
  void graphJsonHasEveryVertexAndEdge() throws Exception {
    Cli.Result r = Cli.run("graph", TOPOLOGIES.resolve("two-host-vxlan.yaml").toString(), "-o", "json");
    assertThat(r.exitCode()).isZero();
    var tree = Json.mapper().readTree(r.out());
    assertThat(tree.get("nodes").size()).isGreaterThan(10);
    List<String> edgeTypes = tree.get("edges").valueStream().map(e -> e.get("type").asString()).distinct().toList();
    assertThat(edgeTypes).contains("in-namespace", "veth-peer", "bridge-port", "tunnel-over", "route-via", "attached-to");
  }

  @Test
  void brokenTopologyExitsTwoWithLocatedMessagesAndNoStackTrace(@TempDir Path tmp) throws IOException {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, """
        name: bad
        hosts:
          - name: h1
            namespces: []
        """);
    Cli.Result r = Cli.run("check", bad.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err()).contains(bad + ":4:").contains("namespces").contains("did you mean");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    Cli.Result show = Cli.run("show", bad.toString());
    assertThat(show.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(show.err()).doesNotContain("\tat ");
  }

  @Test
  void missingFileIsInvalidInput() {
    Cli.Result r = Cli.run("show", "no/such/file.yaml");
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err()).contains("no/such/file.yaml").doesNotContain("\tat ");
  }

  @Test
  void checkJsonReportsEachFile(@TempDir Path tmp) throws IOException {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, "name: x\nhosts: 3\n");
    Cli.Result r = Cli.run("check", "-o", "json", TOPOLOGIES.resolve("single-host-bridge.yaml").toString(), bad.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    var tree = Json.mapper().readTree(r.out());
    assertThat(tree.get(0).get("valid").asBoolean()).isTrue();
    assertThat(tree.get(1).get("valid").asBoolean()).isFalse();
    assertThat(tree.get(1).get("diagnostics").get(0).get("location").get("line").asInt()).isEqualTo(2);
  }
}
