package dev.weft.lab.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether this process may create namespaces and links: the CAP_SYS_ADMIN and CAP_NET_ADMIN bits of its
 * effective capability set ({@code CapEff} in {@code /proc/self/status}). Root has both; a plain user has
 * neither.
 */
public final class Privileges {
  static final int CAP_NET_ADMIN = 12;
  static final int CAP_SYS_ADMIN = 21;

  private final Path status;

  public Privileges(Path status) {
    this.status = status;
  }

  public static Privileges ofThisProcess() {
    return new Privileges(Path.of("/proc/self/status"));
  }

  public boolean sufficient() {
    try {
      return sufficient(Files.readAllLines(status));
    } catch (IOException e) {
      return false;
    }
  }

  static boolean sufficient(List<String> statusLines) {
    return statusLines.stream().filter(l -> l.startsWith("CapEff:")).findFirst().map(l -> {
      long caps = Long.parseUnsignedLong(l.substring("CapEff:".length()).strip(), 16);
      return (caps & (1L << CAP_NET_ADMIN)) != 0 && (caps & (1L << CAP_SYS_ADMIN)) != 0;
    }).orElse(false);
  }
}
