package dev.weft.lab;

import dev.weft.lab.deploy.DeployOptions;
import dev.weft.lab.deploy.Privileges;
import dev.weft.lab.probe.ProbeOptions;
import dev.weft.lab.probe.ProbeReport;
import dev.weft.lab.record.LabRecords;
import dev.weft.lab.testing.LabFixtures;
import dev.weft.lab.text.ProbeText;
import dev.weft.linux.testing.Lab;
import dev.weft.model.NetworkModel;
import dev.weft.topology.TopologyLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DebugIT {
  @RegisterExtension static final Lab LAB = new Lab();
  @TempDir Path records;

  @Test
  void debug() {
    String which = System.getProperty("topo", "single-host-bridge.yaml");
    Path f = LabFixtures.topology(which);
    LabName lab = LabFixtures.freshLab();
    NetworkModel model = LabFixtures.load(f);
    Labs labs = new Labs(LAB.driver(), new LabRecords(records), Privileges.ofThisProcess(), new TopologyLoader());
    try {
      labs.deploy(model, DeployOptions.defaults().withLab(lab));
      long t = System.nanoTime();
      ProbeReport r = labs.probe(model, ProbeOptions.defaults().withLab(lab));
      System.out.println(ProbeText.render(r));
      System.out.println("probe took " + (System.nanoTime() - t) / 1_000_000 + " ms");
    } finally {
      labs.destroy(new LabSelector.ByName(lab));
    }
  }
}
