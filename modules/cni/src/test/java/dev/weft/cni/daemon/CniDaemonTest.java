package dev.weft.cni.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cni.wire.WireFormat;
import dev.weft.cni.wire.WireFormat.Reply;
import dev.weft.cni.wire.WireFormat.Request;
import dev.weft.linux.LinuxDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CniDaemonTest {
  @TempDir
  Path tmp;

  @Test
  void servesItsOwnNamespaceRefusesOthersAndKeepsTheSocketPrivate() throws Exception {
    String ns = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
    byte[] version = "{\"cniVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);
    try (LinuxDriver driver = LinuxDriver.open();
        CniDaemon daemon = new CniDaemon(tmp.resolve("run/cni.sock"), driver, Optional.empty())) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(daemon.socket()))).isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("run")))).isEqualTo("rwx------");
      Reply served = daemon.answer(new Request(ns, Map.of("CNI_COMMAND", "VERSION"), version));
      assertThat(served.status()).isEqualTo(WireFormat.SERVED);
      assertThat(served.exitCode()).isZero();
      assertThat(new String(served.stdout(), StandardCharsets.UTF_8)).contains("\"cniVersion\":\"1.0.0\"")
          .contains("\"1.1.0\"");
      Reply refused = daemon.answer(new Request("net:[1]", Map.of("CNI_COMMAND", "VERSION"), version));
      assertThat(refused.status()).isEqualTo(WireFormat.REFUSED);
      Reply error = daemon.answer(new Request(ns, Map.of("CNI_COMMAND", "ADD"), version));
      assertThat(error.exitCode()).isEqualTo(1);
      assertThat(new String(error.stdout(), StandardCharsets.UTF_8)).contains("\"code\":4").contains("CNI_CONTAINERID");
    }
  }
}
