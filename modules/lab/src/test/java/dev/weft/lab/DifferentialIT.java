package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.lab.deploy.DeployOptions;
import dev.weft.lab.deploy.Privileges;
import dev.weft.lab.probe.ProbeOptions;
import dev.weft.lab.probe.ProbeReport;
import dev.weft.lab.record.LabRecords;
import dev.weft.lab.testing.HostSnapshot;
import dev.weft.lab.testing.LabFixtures;
import dev.weft.lab.testing.RandomLab;
import dev.weft.lab.text.ProbeText;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.testing.Lab;
import dev.weft.linux.testing.Privileged;
import dev.weft.model.NetworkModel;
import dev.weft.topology.TopologyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The simulator against the kernel on random small labs ({@link RandomLab}): simulate, deploy, probe
 * every pair with TCP, UDP and ICMP, destroy. Every cell must agree: delivery, answer and source address,
 * the simulator read exactly. Shrinking is off (each try costs a deploy); a failure prints the seed, the
 * topology and the rules, and {@code RandomLab.generate(seed)} rebuilds the lab.
 */
@Tag("slow")
class DifferentialIT {
  private static LinuxDriver driver;
  private static Path records;

  @BeforeContainer
  static void open() throws IOException {
    Privileged.require();
    driver = LinuxDriver.open();
    records = Files.createTempDirectory("weft-labs");
  }

  @AfterContainer
  static void close() {
    if (driver != null) {
      driver.close();
    }
    Lab.assertNothingLeft();
  }

  @Property(tries = 50, shrinking = ShrinkingMode.OFF)
  void simulatorAndKernelAgree(@ForAll long seed) {
    RandomLab random = RandomLab.generate(seed);
    NetworkModel model = random.model();
    LabName lab = LabFixtures.freshLab();
    Labs labs = new Labs(driver, new LabRecords(records), Privileges.ofThisProcess(), new TopologyLoader());
    try {
      labs.deploy(model, DeployOptions.defaults().withLab(lab));
      ProbeReport report = labs.probe(model, ProbeOptions.defaults().withLab(lab).withExact(true).withTimeout(500));
      assertThat(report.mismatches())
          .as("seed %d\n%s\nrules:\n%s\n%s", seed, random.yaml(), random.rulesText(), ProbeText.render(report))
          .isEmpty();
    } finally {
      labs.destroy(new LabSelector.ByName(lab));
    }
    assertThat(HostSnapshot.of(lab).isEmpty()).isTrue();
  }
}
