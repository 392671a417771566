package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.lab.change.Change;
import dev.weft.lab.change.ChangePlanner;
import dev.weft.lab.deploy.DeployOptions;
import dev.weft.lab.deploy.Privileges;
import dev.weft.lab.plan.LabPlanner;
import dev.weft.lab.record.LabRecords;
import dev.weft.lab.testing.HostSnapshot;
import dev.weft.lab.testing.LabFixtures;
import dev.weft.linux.error.DriverException;
import dev.weft.linux.testing.Lab;
import dev.weft.model.NetworkModel;
import dev.weft.topology.TopologyLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A deploy that fails part-way leaves nothing behind; one the kernel cannot run fails before creating anything. */
class DeployFailureIT {
  @RegisterExtension static final Lab LAB = new Lab();
  private static final NetworkModel VXLAN = LabFixtures.load(LabFixtures.topology("two-host-vxlan.yaml"));
  @TempDir Path records;

  private Labs labs() {
    return new Labs(LAB.driver(), new LabRecords(records), Privileges.ofThisProcess(), new TopologyLoader());
  }

  /** Failure points: the first few changes, a spread through the middle, and the last ones. */
  static Stream<Integer> failurePoints() {
    int n = new ChangePlanner().additions(new LabPlanner().plan(VXLAN, LabName.of("x")), Map.of()).size();
    return Stream.concat(Stream.of(1, 2, 6, 30, 90, n / 2, n - 1, n), IntStream.range(1, 6).map(i -> i * n / 6).boxed())
        .distinct().sorted();
  }

  @ParameterizedTest
  @MethodSource("failurePoints")
  void failingAtAnyChangeLeavesNothing(int failAt) {
    LabName lab = LabFixtures.freshLab();
    AtomicInteger seen = new AtomicInteger();
    DeployOptions options = DeployOptions.defaults().withLab(lab).beforeEachChange(c -> {
      if (seen.incrementAndGet() == failAt) {
        throw new IllegalStateException("injected failure before " + c.describe());
      }
    });
    try {
      assertThatThrownBy(() -> labs().deploy(VXLAN, options)).hasMessageContaining("injected failure");
      assertThat(HostSnapshot.of(lab).namespaces()).as("namespaces left after failing at change %d", failAt).isEmpty();
      assertThat(HostSnapshot.of(lab).isEmpty()).isTrue();
      assertThat(records.resolve(lab + ".json")).as("no record of a lab that never was").doesNotExist();
    } finally {
      cleanUp(lab);
    }
  }

  /** A real kernel refusal half-way (a veth cannot carry MTU 65536, which the topology format allows). */
  @Test
  void kernelRefusalHalfWayLeavesNothing() {
    String yaml = """
        name: too-big
        hosts:
          - name: h1
            underlay: 192.168.50.1/24
            bridges: [{name: br0, gateway: 10.50.0.1/24}]
            namespaces:
              - name: a
                mode: bridge
                interfaces: [{name: eth0, addresses: [10.50.0.2/24]}]
              - name: b
                mode: bridge
                interfaces: [{name: eth0, addresses: [10.50.0.3/24], mtu: 65536}]
            veths:
              - endpoints: ["a:eth0", "br0"]
              - endpoints: ["b:eth0", "br0"]
        """;
    LabName lab = LabFixtures.freshLab();
    List<String> applied = new java.util.ArrayList<>();
    try {
      assertThatThrownBy(() -> labs().deploy(LabFixtures.load("too-big.yaml", yaml),
          DeployOptions.defaults().withLab(lab).beforeEachChange(c -> applied.add(c.describe()))))
          .isInstanceOf(LabException.ChangeFailed.class).hasCauseInstanceOf(DriverException.class)
          .hasMessageContaining("mtu 65536").hasMessageContaining("EINVAL")
          .hasMessageEndingWith("everything this deploy created was removed, nothing is left");
      assertThat(applied).as("the failure came after other changes").hasSizeGreaterThan(10);
      assertThat(HostSnapshot.of(lab).isEmpty()).isTrue();
      assertThat(records.resolve(lab + ".json")).doesNotExist();
    } finally {
      cleanUp(lab);
    }
  }

  /** GRE: the kernel has no driver; deploy says so and creates nothing at all. */
  @Test
  void greFailsCleanlyBeforeCreatingAnything() {
    LabName lab = LabFixtures.freshLab();
    List<Change> applied = new java.util.ArrayList<>();
    try {
      assertThatThrownBy(() -> labs().deploy(LabFixtures.load(LabFixtures.topology("two-host-gre.yaml")),
          DeployOptions.defaults().withLab(lab).beforeEachChange(applied::add)))
          .isInstanceOf(LabException.UnsupportedByKernel.class)
          .hasMessageStartingWith("this kernel has no gre support: link kind 'gretap' is unsupported by this kernel")
          .hasMessageContaining("Nothing was created");
      assertThat(applied).isEmpty();
      assertThat(HostSnapshot.of(lab).isEmpty()).isTrue();
      assertThat(records.resolve(lab + ".json")).doesNotExist();
    } finally {
      cleanUp(lab);
    }
  }

  /** Belt and braces, so one failing test does not leak into the next. */
  private void cleanUp(LabName lab) {
    HostSnapshot.of(lab).namespaces().forEach(n -> LAB.driver().namespaces().deleteIfExists(dev.weft.linux.netns.NetnsName.of(n)));
  }
}
