package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.lab.deploy.DeployOptions;
import dev.weft.lab.deploy.DeployResult;
import dev.weft.lab.deploy.DestroyResult;
import dev.weft.lab.deploy.Privileges;
import dev.weft.lab.record.LabRecords;
import dev.weft.lab.testing.LabFixtures;
import dev.weft.linux.testing.Lab;
import dev.weft.linux.testing.Shell;
import dev.weft.model.NetworkModel;
import dev.weft.topology.TopologyLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class LabDeployIT {
  @RegisterExtension static final Lab LAB = new Lab();
  @TempDir Path records;

  @Test
  void deploysIdempotentlyAndDestroysEverything() {
    LabName lab = LabFixtures.freshLab();
    NetworkModel model = LabFixtures.load(LabFixtures.topology("single-host-bridge.yaml"));
    Labs labs = new Labs(LAB.driver(), new LabRecords(records), Privileges.ofThisProcess(), new TopologyLoader());
    try {
      DeployResult first = labs.deploy(model, DeployOptions.defaults().withLab(lab));
      System.out.println(String.join("\n", first.changes()));
      assertThat(first.created()).isTrue();
      assertThat(Shell.netnsNames()).contains(lab + "-host1", lab + "-pod1", lab + "--underlay");
      DeployResult second = labs.deploy(model, DeployOptions.defaults().withLab(lab));
      assertThat(second.changes()).as("a second deploy changes nothing").isEmpty();
    } finally {
      DestroyResult d = labs.destroy(new LabSelector.ByName(lab));
      System.out.println(d);
    }
    assertThat(Shell.netnsNames()).noneMatch(n -> n.startsWith(lab + "-"));
  }
}
