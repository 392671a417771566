package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.lab.deploy.DeployOptions;
import dev.weft.lab.deploy.DeployResult;
import dev.weft.lab.deploy.DestroyResult;
import dev.weft.lab.deploy.Privileges;
import dev.weft.lab.inspect.InspectReport;
import dev.weft.lab.record.LabRecord;
import dev.weft.lab.record.LabRecords;
import dev.weft.lab.testing.HostSnapshot;
import dev.weft.lab.testing.LabFixtures;
import dev.weft.linux.netns.NetnsName;
import dev.weft.linux.testing.Lab;
import dev.weft.linux.testing.Shell;
import dev.weft.model.NetworkModel;
import dev.weft.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Redeploying an edited file, drift from changes made behind weft's back, and destroy without the file. */
class LabLifecycleIT {
  @RegisterExtension static final Lab LAB = new Lab();
  @TempDir Path records;
  @TempDir Path files;

  private static final String BASE = """
      name: lifecycle
      hosts:
        - name: h1
          underlay: 192.168.60.1/24
          bridges: [{name: br0, gateway: 10.60.0.1/24}]
          pods: [{name: p, count: 3, bridge: br0, mode: bridge}]
      """;

  private Labs labs() {
    return new Labs(LAB.driver(), new LabRecords(records), Privileges.ofThisProcess(), new TopologyLoader());
  }

  /** An edit changes only what it touches, and says what it changed. */
  @Test
  void redeployingAnEditChangesOnlyWhatDiffers() {
    LabName lab = LabFixtures.freshLab();
    Labs labs = labs();
    try {
      labs.deploy(LabFixtures.load("v1", BASE), DeployOptions.defaults().withLab(lab));
      String edited = """
          name: lifecycle
          hosts:
            - name: h1
              underlay: 192.168.60.1/24
              bridges: [{name: br0, gateway: 10.60.0.1/24, mtu: 1400}]
              pods: [{name: p, count: 2, bridge: br0, mode: bridge, mtu: 1400}]
              namespaces:
                - name: r
                  mode: bridge
                  interfaces: [{name: eth0, addresses: [10.60.0.100/24], mtu: 1400}]
                  routes: [{dst: 10.99.0.0/16, via: 10.60.0.1}]
              veths: [{endpoints: ["r:eth0", "br0"]}]
          """;
      DeployResult update = labs.deploy(LabFixtures.load("v2", edited), DeployOptions.defaults().withLab(lab));
      assertThat(update.created()).isFalse();
      assertThat(update.changes()).contains(lab + "-p-3: delete namespace (no longer in the topology)",
          lab + "-r: create namespace (container)", lab + "-r: add route 10.99.0.0/16 via 10.60.0.1 dev eth0",
          lab + "-h1: set br0 mtu 1400 (was 1500)");
      assertThat(update.changes()).filteredOn(c -> c.startsWith(lab + "-p-1:"))
          .containsExactly(lab + "-p-1: set eth0 mtu 1400 (was 1500)");
      assertThat(Shell.netnsNames()).doesNotContain(lab + "-p-3").contains(lab + "-r");
      assertThat(labs.deploy(LabFixtures.load("v2", edited), DeployOptions.defaults().withLab(lab)).changes()).isEmpty();
    } finally {
      labs.destroy(new LabSelector.ByName(lab));
    }
    assertThat(HostSnapshot.of(lab).isEmpty()).isTrue();
  }

  /** inspect sees what someone changed with iproute2; deploy puts it back. */
  @Test
  void driftIsSeenAndRepaired() {
    LabName lab = LabFixtures.freshLab();
    Labs labs = labs();
    NetworkModel model = LabFixtures.load("v1", BASE);
    try {
      labs.deploy(model, DeployOptions.defaults().withLab(lab));
      String host = lab + "-h1";
      Shell.ok("ip", "-n", host, "link", "set", "br0", "mtu", "1300");
      Shell.ok("ip", "-n", host, "route", "add", "10.77.0.0/16", "via", "10.60.0.2");
      Shell.ok("ip", "-n", host, "link", "add", "extra0", "type", "bridge");
      Shell.ok("ip", "-n", lab + "-p-1", "addr", "del", "10.60.0.2/24", "dev", "eth0");
      InspectReport drifted = labs.inspect(Optional.of(lab), Optional.of(model));
      assertThat(drifted.drift().orElseThrow()).containsExactlyInAnyOrder(
          host + ": delete bridge extra0 (not in the topology)",
          host + ": set br0 mtu 1500 (was 1300)",
          host + ": delete route 10.77.0.0/16 via 10.60.0.2 dev br0",
          lab + "-p-1: add address 10.60.0.2/24 dev eth0",
          lab + "-p-1: add route default via 10.60.0.1 dev eth0");
      labs.deploy(model, DeployOptions.defaults().withLab(lab));
      assertThat(labs.inspect(Optional.of(lab), Optional.of(model)).drift()).contains(List.of());
    } finally {
      labs.destroy(new LabSelector.ByName(lab));
    }
  }

  /** destroy FILE works from the record once the file is gone; a name outside the prefix is never touched. */
  @Test
  void destroyNeedsNeitherTheFileNorTrustInTheRecord() throws Exception {
    LabName lab = LabFixtures.freshLab();
    Labs labs = labs();
    Path file = Files.writeString(files.resolve("lab.yaml"), BASE);
    NetnsName bystander = LAB.namespace("by").name();
    labs.deploy(LabFixtures.load(file), DeployOptions.defaults().withLab(lab).withFile(file));
    LabRecord r = labs.records().load(lab).orElseThrow();
    assertThat(r.complete()).isTrue();
    assertThat(r.namespaces()).allSatisfy(n -> assertThat(n.inode()).isPositive());
    assertThat(r.links()).isNotEmpty();
    List<LabRecord.RecordedNamespace> tampered = new java.util.ArrayList<>(r.namespaces());
    tampered.add(new LabRecord.RecordedNamespace(bystander.value(), "host", "x", 0));
    labs.records().save(new LabRecord(r.lab(), r.topology(), r.file(), r.deployedAt(), true, tampered, r.links()));
    Files.delete(file);

    DestroyResult d = labs.destroy(new LabSelector.ByFile(file));
    assertThat(d.lab()).isEqualTo(lab.value());
    assertThat(d.removed()).hasSize(5);
    assertThat(d.skipped()).containsExactly(bystander.value());
    assertThat(Shell.netnsNames()).contains(bystander.value());
    assertThat(HostSnapshot.of(lab).isEmpty()).isTrue();
    assertThatThrownBy(() -> labs.destroy(new LabSelector.ByName(lab))).isInstanceOf(LabException.NoSuchLab.class);
  }

  /** One lab name, two topologies: the second deploy refuses instead of taking the first lab over. */
  @Test
  void aLabNameIsNotTakenOverByAnotherTopology() {
    LabName lab = LabFixtures.freshLab();
    Labs labs = labs();
    try {
      labs.deploy(LabFixtures.load("v1", BASE), DeployOptions.defaults().withLab(lab));
      assertThatThrownBy(() -> labs.deploy(LabFixtures.load("other", BASE.replace("lifecycle", "other")),
          DeployOptions.defaults().withLab(lab)))
          .isInstanceOf(LabException.Conflict.class).hasMessageContaining("holds topology 'lifecycle', not 'other'");
    } finally {
      labs.destroy(new LabSelector.ByName(lab));
    }
  }
}
