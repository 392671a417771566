package dev.weft.lab.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.lab.LabException;
import dev.weft.lab.record.LabRecords;
import dev.weft.lab.testing.LabFixtures;
import dev.weft.linux.LinuxDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivilegesTest {
  @TempDir Path dir;

  @Test
  void needsBothNetAdminAndSysAdmin() {
    assertThat(Privileges.sufficient(List.of("Name:\tjava", "CapEff:\t000001ffffffffff"))).isTrue();
    assertThat(Privileges.sufficient(List.of("CapEff:\t0000000000000000"))).isFalse();
    assertThat(Privileges.sufficient(List.of("CapEff:\t0000000000001000"))).as("CAP_NET_ADMIN alone").isFalse();
    assertThat(Privileges.sufficient(List.of("CapEff:\t0000000000201000"))).isTrue();
    assertThat(Privileges.sufficient(List.of("Uid:\t0"))).isFalse();
  }

  /** Without privileges deploy says so plainly, before touching anything. */
  @Test
  void deploySaysPlainlyThatItNeedsRoot() throws Exception {
    Path status = Files.writeString(dir.resolve("status"), "Name:\tjava\nCapEff:\t0000000000000000\n");
    try (LinuxDriver driver = LinuxDriver.open()) {
      Deployer deployer = new Deployer(driver, new LabRecords(dir.resolve("labs")), new Privileges(status));
      assertThatThrownBy(() -> deployer.deploy(LabFixtures.load(LabFixtures.topology("single-host-bridge.yaml")),
          DeployOptions.defaults()))
          .isInstanceOf(LabException.NotPrivileged.class)
          .hasMessage("weft deploy needs root: it creates network namespaces and links, which takes CAP_SYS_ADMIN"
              + " and CAP_NET_ADMIN. Run it as root, for example with sudo.");
      assertThat(dir.resolve("labs")).doesNotExist();
    }
  }
}
