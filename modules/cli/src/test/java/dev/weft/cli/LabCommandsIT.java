package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.lab.LabEnvironment;
import dev.weft.lab.record.LabRecords;
import dev.weft.linux.testing.Privileged;
import dev.weft.linux.testing.Shell;
import dev.weft.linux.testing.TestNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The lab commands as a user runs them (Main in-process, records in /run/weft/labs), on every bundled
 * topology the kernel can run: deploy, deploy again (nothing changed), inspect (no drift), probe (every
 * cell agrees), destroy, and iproute2 sees no namespace of the lab afterwards. GRE is refused up front.
 */
@Tag("slow")
class LabCommandsIT {
  private static final Path TOPOLOGIES = Path.of("../../topologies");

  @BeforeEach
  void root() {
    Privileged.require();
  }

  static List<Path> runnable() throws IOException {
    try (Stream<Path> files = Files.list(TOPOLOGIES)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).filter(p -> !p.getFileName().toString().contains("gre"))
          .sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("runnable")
  void deployInspectProbeDestroy(Path file) throws Exception {
    String lab = TestNames.fresh("");
    assertThat(labNamespaces(lab)).isEmpty();
    try {
      Cli.Result deploy = Cli.run("deploy", file.toString(), "--prefix", lab);
      assertThat(deploy.exitCode()).as(deploy.err()).isZero();
      assertThat(deploy.out()).startsWith("deployed lab " + lab).contains(lab + "-");
      assertThat(labNamespaces(lab)).isNotEmpty();

      Cli.Result again = Cli.run("deploy", file.toString(), "--prefix", lab);
      assertThat(again.exitCode()).as(again.err()).isZero();
      assertThat(again.out()).contains("lab " + lab).contains("is up to date: nothing changed");

      Cli.Result inspect = Cli.run("inspect", "--lab", lab, "--exit-code");
      assertThat(inspect.exitCode()).as(inspect.out() + inspect.err()).isZero();
      assertThat(inspect.out()).startsWith("lab " + lab).contains("no drift: the kernel matches the topology");
      JsonNode json = Json.mapper().readTree(Cli.run("inspect", file.toString(), "-o", "json").out());
      assertThat(json.get("lab").asString()).as("the lab is found from its file").isEqualTo(lab);
      assertThat(json.get("drift").size()).isZero();

      Cli.Result probe = Cli.run("probe", file.toString());
      assertThat(probe.exitCode()).as(probe.out() + probe.err()).isZero();
      assertThat(probe.out()).startsWith("probe of lab " + lab).doesNotContain("mismatches");
      assertThat(probe.out().lines().filter(l -> l.matches("(tcp/80|udp/53|icmp): \\d+ of \\d+ agree;.*"))).hasSize(3);
    } finally {
      Cli.Result destroy = Cli.run("destroy", "--lab", lab);
      assertThat(destroy.exitCode()).as(destroy.err()).isZero();
      assertThat(destroy.out()).startsWith("destroyed lab " + lab);
    }
    assertThat(labNamespaces(lab)).as("namespaces left behind").isEmpty();
    assertThat(LabRecords.DEFAULT_DIRECTORY.resolve(lab + ".json")).doesNotExist();
  }

  /** Drift made behind weft's back: inspect names it, exits 3 with --exit-code, and deploy repairs it. */
  @Test
  void driftIsReportedAndRepaired() {
    String lab = TestNames.fresh("");
    String file = TOPOLOGIES.resolve("single-host-bridge.yaml").toString();
    try {
      assertThat(Cli.run("deploy", file, "--prefix", lab).exitCode()).isZero();
      String host = lab + "-host1";
      Shell.ok("ip", "-n", host, "link", "set", "br0", "mtu", "1300");
      Cli.Result drift = Cli.run("inspect", "--lab", lab, "--exit-code");
      assertThat(drift.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
      assertThat(drift.out()).contains("drift: 1 differences").contains(host + ": set br0 mtu 1500 (was 1300)");
      assertThat(Cli.run("inspect", "--lab", lab).exitCode()).as("without --exit-code inspect only reports").isZero();
      Cli.Result repair = Cli.run("deploy", file, "--prefix", lab);
      assertThat(repair.out()).startsWith("updated lab " + lab).contains(host + ": set br0 mtu 1500 (was 1300)");
      assertThat(Cli.run("inspect", "--lab", lab, "--exit-code").exitCode()).isZero();
    } finally {
      Cli.run("destroy", file);
    }
    assertThat(labNamespaces(lab)).isEmpty();
  }

  /** The kernel has no GRE: deploy says so before creating anything, and exits 2. */
  @Test
  void greIsRefusedAndNothingIsCreated() {
    String lab = TestNames.fresh("");
    Cli.Result r = Cli.run("deploy", TOPOLOGIES.resolve("two-host-gre.yaml").toString(), "--prefix", lab);
    try {
      assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(r.err().lines().toList()).singleElement().satisfies(l -> assertThat(l)
          .startsWith("weft: this kernel has no gre support").contains("unsupported by this kernel")
          .contains("Nothing was created"));
      assertThat(r.out()).isEmpty();
      assertThat(labNamespaces(lab)).isEmpty();
      assertThat(LabRecords.DEFAULT_DIRECTORY.resolve(lab + ".json")).doesNotExist();
    } finally {
      if (!labNamespaces(lab).isEmpty()) {
        Cli.run("destroy", "--lab", lab);
      }
    }
  }

  /** The environment the CLI uses by default is the one these tests exercise. */
  @Test
  void theDefaultEnvironmentIsTheSystemOne() {
    assertThat(LabEnvironment.system().records()).isEqualTo(Path.of("/run/weft/labs"));
  }

  @AfterAll
  static void nothingLeft() {
    if (Privileged.isRoot()) {
      assertThat(labNamespaces(TestNames.runPrefix())).as("namespaces of this run left behind").isEmpty();
    }
  }

  static List<String> labNamespaces(String prefix) {
    return Shell.netnsNames().stream().filter(n -> n.startsWith(prefix)).toList();
  }
}
