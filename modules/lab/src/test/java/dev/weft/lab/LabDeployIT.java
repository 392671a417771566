package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.lab.deploy.DeployOptions;
import dev.weft.lab.deploy.DeployResult;
import dev.weft.lab.deploy.DestroyResult;
import dev.weft.lab.deploy.Privileges;
import dev.weft.lab.inspect.InspectReport;
import dev.weft.lab.probe.ProbeOptions;
import dev.weft.lab.probe.ProbeReport;
import dev.weft.lab.record.LabRecords;
import dev.weft.lab.testing.HostSnapshot;
import dev.weft.lab.testing.LabFixtures;
import dev.weft.lab.text.DeployText;
import dev.weft.lab.text.InspectText;
import dev.weft.lab.text.ProbeText;
import dev.weft.linux.testing.Lab;
import dev.weft.linux.testing.Shell;
import dev.weft.model.NetworkModel;
import dev.weft.topology.TopologyLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled topology the kernel can run: deploy, deploy again (nothing changes), inspect (no drift),
 * probe (every cell agrees with the simulator, read exactly), destroy; nothing of the lab is left.
 */
@Tag("slow")
class LabDeployIT {
  @RegisterExtension static final Lab LAB = new Lab();
  @TempDir Path records;

  static List<Path> runnable() {
    return LabFixtures.allTopologies().stream().filter(p -> !p.getFileName().toString().contains("gre")).toList();
  }

  @ParameterizedTest
  @MethodSource("runnable")
  void deployProbeDestroy(Path file) {
    LabName lab = LabFixtures.freshLab();
    NetworkModel model = LabFixtures.load(file);
    HostSnapshot before = HostSnapshot.of(lab);
    HostSnapshot weftBefore = HostSnapshot.weftRules();
    assertThat(before.isEmpty()).isTrue();
    Labs labs = new Labs(LAB.driver(), new LabRecords(records), Privileges.ofThisProcess(), new TopologyLoader());
    try {
      DeployResult first = labs.deploy(model, DeployOptions.defaults().withLab(lab).withFile(file));
      System.out.print(DeployText.render(first));
      assertThat(first.created()).isTrue();
      assertThat(Shell.netnsNames()).containsAll(first.namespaces());
      assertThat(HostSnapshot.of(lab).links()).as("nothing is created in the home namespace").isEmpty();

      DeployResult second = labs.deploy(model, DeployOptions.defaults().withLab(lab));
      assertThat(second.changes()).as("a second deploy changes nothing").isEmpty();
      assertThat(DeployText.render(second)).contains("is up to date: nothing changed");

      InspectReport inspect = labs.inspect(Optional.of(lab), Optional.empty());
      assertThat(inspect.drift()).as("inspect compares with the recorded file").contains(List.of());
      assertThat(inspect.namespaces()).extracting(n -> n.name()).containsExactlyElementsOf(first.namespaces());
      assertThat(InspectText.render(inspect)).contains("no drift");

      ProbeReport probe = labs.probe(model, ProbeOptions.defaults().withLab(lab).withExact(true));
      System.out.print(ProbeText.render(probe));
      assertThat(probe.mismatches()).as(ProbeText.render(probe)).isEmpty();
      assertThat(probe.cells()).isEqualTo(3L * model.namespaces().size() * model.namespaces().size());
    } finally {
      DestroyResult d = labs.destroy(new LabSelector.ByName(lab));
      System.out.print(DeployText.render(d));
    }
    assertThat(HostSnapshot.of(lab)).isEqualTo(before);
    assertThat(HostSnapshot.weftRules()).isEqualTo(weftBefore);
    assertThat(records.resolve(lab + ".json")).doesNotExist();
  }
}
