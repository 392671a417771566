package dev.weft.cli.lab;

import dev.weft.lab.LabException;
import dev.weft.lab.Labs;
import dev.weft.lab.deploy.Privileges;
import dev.weft.lab.record.LabRecords;
import dev.weft.linux.LinuxDriver;
import dev.weft.topology.TopologyLoader;
import java.nio.file.Path;

/**
 * Where the kernel-facing commands keep lab records and what this process may do. The CLI uses {@link
 * #system()}; tests inject a records directory of their own, or privileges read from a made-up status
 * file to see the message a user without root gets.
 */
public record LabEnvironment(Path records, Privileges privileges) {

  /** {@code /run/weft/labs} and this process's capabilities. */
  public static LabEnvironment system() {
    return new LabEnvironment(LabRecords.DEFAULT_DIRECTORY, Privileges.ofThisProcess());
  }

  /**
   * Fails with the plain "needs root" message unless the process holds CAP_SYS_ADMIN and CAP_NET_ADMIN.
   * Checked before anything opens a netlink socket, so every kernel command fails the same way.
   */
  public void requireRoot(String command) {
    if (!privileges.sufficient()) {
      throw new LabException.NotPrivileged(command);
    }
  }

  /** The lab library with its own Linux driver; close it when done. */
  public Labs open() {
    return new Labs(LinuxDriver.open(), new LabRecords(records), privileges, new TopologyLoader());
  }
}
