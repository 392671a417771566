package dev.weft.cni.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.cni.wire.ShellFrames;
import dev.weft.cni.wire.ShellFrames.ShellRequest;
import dev.weft.cni.wire.WireFormat;
import dev.weft.cni.wire.WireFormat.Reply;
import dev.weft.cni.wire.WireFormat.Request;
import dev.weft.linux.LinuxDriver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CniDaemonTest {
  private static final byte[] VERSION = "{\"cniVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path tmp;

  @Test
  void servesItsOwnNamespaceRefusesOthersAndKeepsTheSocketPrivate() throws Exception {
    String ns = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
    try (LinuxDriver driver = LinuxDriver.open();
        CniDaemon daemon = new CniDaemon(tmp.resolve("run/cni.sock"), driver, Optional.empty())) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(daemon.socket()))).isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("run")))).isEqualTo("rwx------");
      Reply served = daemon.answer(new Request(ns, Map.of("CNI_COMMAND", "VERSION"), VERSION));
      assertThat(served.status()).isEqualTo(WireFormat.SERVED);
      assertThat(served.exitCode()).isZero();
      assertThat(new String(served.stdout(), StandardCharsets.UTF_8)).contains("\"cniVersion\":\"1.0.0\"")
          .contains("\"1.1.0\"");
      Reply refused = daemon.answer(new Request("net:[1]", Map.of("CNI_COMMAND", "VERSION"), VERSION));
      assertThat(refused.status()).isEqualTo(WireFormat.REFUSED);
      Reply error = daemon.answer(new Request(ns, Map.of("CNI_COMMAND", "ADD"), VERSION));
      assertThat(error.exitCode()).isEqualTo(1);
      assertThat(new String(error.stdout(), StandardCharsets.UTF_8)).contains("\"code\":4").contains("CNI_CONTAINERID");
    }
  }

  @Test
  void theLoopbackRelayServesOnlyCallersThatHoldTheToken() throws Exception {
    try (LinuxDriver driver = LinuxDriver.open();
        CniDaemon daemon = new CniDaemon(tmp.resolve("run/cni.sock"), driver, Optional.empty())) {
      Thread serving = Thread.ofVirtual().start(daemon::serve);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(CniDaemon.relayEndpointFile(daemon.socket()))))
          .isEqualTo("rw-------");
      String[] line = endpoint(daemon);
      assertThat(Integer.parseInt(line[0])).isEqualTo(daemon.relayPort().orElseThrow());
      assertThat(line[1]).matches("[0-9a-f]{64}");
      assertThat(line[2]).matches("[0-9a-f]{64}").isNotEqualTo(line[1]);

      Reply served = relay(daemon, new ShellRequest("weft", line[1], Map.of("CNI_COMMAND", "VERSION"), VERSION));
      assertThat(served.status()).isEqualTo(WireFormat.SERVED);
      assertThat(new String(served.stdout(), StandardCharsets.UTF_8)).contains("\"supportedVersions\"");

      Reply ipam = relay(daemon, new ShellRequest("weft-ipam", line[1], Map.of("CNI_COMMAND", "ADD"), VERSION));
      assertThat(ipam.exitCode()).isEqualTo(1);
      assertThat(new String(ipam.stdout(), StandardCharsets.UTF_8)).contains("\"code\":4").contains("CNI_CONTAINERID");

      Reply other = relay(daemon, new ShellRequest("bridge", line[1], Map.of("CNI_COMMAND", "VERSION"), VERSION));
      assertThat(other.status()).isEqualTo(WireFormat.REFUSED);

      String wrong = line[1].substring(1) + (line[1].charAt(0) == 'a' ? 'b' : 'a');
      assertThatThrownBy(() -> relay(daemon, new ShellRequest("weft", wrong, Map.of("CNI_COMMAND", "VERSION"), VERSION)))
          .isInstanceOf(IOException.class);
      serving.interrupt();
    }
    assertThat(tmp.resolve("run/cni.sock.tcp")).doesNotExist();
  }

  /** Idle connections (no token, no header) take at most MAX_CONNECTIONS slots; a real request still gets in. */
  @Test
  void idleConnectionsCannotStarveTheRelay() throws Exception {
    try (LinuxDriver driver = LinuxDriver.open();
        CniDaemon daemon = new CniDaemon(tmp.resolve("run/cni.sock"), driver, Optional.empty())) {
      Thread serving = Thread.ofVirtual().start(daemon::serve);
      String token = endpoint(daemon)[1];
      List<Socket> idle = new ArrayList<>();
      try {
        for (int i = 0; i < RelayEndpoint.MAX_CONNECTIONS; i++) {
          idle.add(new Socket(InetAddress.getLoopbackAddress(), daemon.relayPort().orElseThrow()));
        }
        // one more is closed by the daemon at once: reading it ends (EOF or reset) well before the 5 s timeout
        try (Socket extra = new Socket(InetAddress.getLoopbackAddress(), daemon.relayPort().orElseThrow())) {
          extra.setSoTimeout(3_000);
          long start = System.nanoTime();
          try {
            assertThat(extra.getInputStream().read()).isEqualTo(-1);
          } catch (SocketException reset) {
            // closed with unread data: a reset is just as much a refusal
          }
          assertThat(System.nanoTime() - start).isLessThan(3_000_000_000L);
        }
      } finally {
        for (Socket s : idle) {
          s.close();
        }
      }
      // the slots come back: a request with the token is served again
      long deadline = System.nanoTime() + 10_000_000_000L;
      Reply served = null;
      while (served == null && System.nanoTime() < deadline) {
        try {
          served = relay(daemon, new ShellRequest("weft", token, Map.of("CNI_COMMAND", "VERSION"), VERSION));
        } catch (IOException stillFull) {
          Thread.sleep(50);
        }
      }
      assertThat(served).isNotNull();
      assertThat(served.status()).isEqualTo(WireFormat.SERVED);
      serving.interrupt();
    }
  }

  /** The relay's endpoint file as written: port, request token, reply token. */
  private static String[] endpoint(CniDaemon daemon) throws IOException {
    return Files.readString(CniDaemon.relayEndpointFile(daemon.socket())).strip().split(" ");
  }

  private static String replyToken(CniDaemon daemon) throws IOException {
    return endpoint(daemon)[2];
  }

  private static Reply relay(CniDaemon daemon, ShellRequest request) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), daemon.relayPort().orElseThrow())) {
      ShellFrames.writeRequest(s.getOutputStream(), request);
      return ShellFrames.readReply(s.getInputStream(), replyToken(daemon));
    }
  }
}
