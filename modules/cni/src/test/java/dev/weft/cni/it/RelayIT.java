package dev.weft.cni.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cni.testing.Configs;
import dev.weft.cni.testing.Json;
import dev.weft.cni.testing.Node;
import dev.weft.cni.testing.Plugin;
import dev.weft.cni.testing.Plugin.Reply;
import dev.weft.cni.testing.Sockets;
import dev.weft.linux.testing.Lab;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers' bash relay to weft-cnid (lib/weft-relay.bash), through the packaged executables. A
 * JVM option that no JVM accepts proves which path ran: with it, only the relay can succeed.
 */
class RelayIT {
  @RegisterExtension
  static final Lab LAB = new Lab();

  private static final Map<String, String> NO_JVM = Map.of(
      "WEFT_CNI_JAVA_OPTS", "-XX:+WeftNoSuchOption", "WEFT_IPAM_JAVA_OPTS", "-XX:+WeftNoSuchOption");

  @TempDir
  Path tmp;

  @Test
  void bothPluginsAreServedByTheDaemonWithoutStartingAJvm() {
    try (Node node = new Node(LAB, "h", tmp, true)) {
      Plugin relayOnly = plugin(node, NO_JVM);
      String pod = node.pod("p");
      String config = Configs.bridge("1.1.0", "wtnet", "wtbr0", "10.97.0.0/24", node.dataDir(), "\"ipMasq\":true");
      String address = Json.podAddress(relayOnly.run("ADD", "c1", pod, "eth0", config).ok().stdout());
      assertThat(node.ipFiles("wtnet")).containsExactly(address);
      relayOnly.run("DEL", "c1", pod, "eth0", config).ok();
      BridgeModeIT.assertNoLeftovers(node, address);

      // multi-byte UTF-8 on stdin: the relay frames bytes, not characters
      String ipam = ipamConfig(node, "wtipam", "\"comment\":\"café ☕ 𝄞\",");
      Reply add = relayOnly.exec(Plugin.dist("weft-ipam"), env("ADD", "c2"), ipam).ok();
      String ip = add.stdout().replaceAll("(?s).*\"address\":\"([0-9.]+)/.*", "$1");
      assertThat(node.ipFiles("wtipam")).containsExactly(ip);
      relayOnly.exec(Plugin.dist("weft-ipam"), env("DEL", "c2"), ipam).ok();
      assertThat(node.ipFiles("wtipam")).isEmpty();

      Map<String, String> standalone = new HashMap<>(NO_JVM);
      standalone.put("WEFT_CNI_STANDALONE", "1");
      Reply jvm = plugin(node, standalone).exec(Plugin.dist("weft-ipam"), env("ADD", "c3"), ipam);
      assertThat(jvm.exit()).as("the poisoned JVM path fails, so the successes above were the relay's").isNotZero();
      assertThat(node.ipFiles("wtipam")).isEmpty();
    }
  }

  /** Debian's reference bridge plugin execs weft-ipam from CNI_PATH, which relays to the daemon. */
  @Test
  void theReferenceBridgeChainsWeftIpamThroughTheDaemon() throws Exception {
    try (Node node = new Node(LAB, "h", tmp.resolve("node"), true)) {
      Path bin = Files.createDirectories(tmp.resolve("cni/bin"));
      Files.createSymbolicLink(tmp.resolve("cni/lib"), Plugin.dist("weft-ipam").getParent().resolve("../lib").normalize());
      Files.copy(Path.of("/usr/lib/cni/bridge"), bin.resolve("bridge"), StandardCopyOption.COPY_ATTRIBUTES);
      Files.copy(Plugin.dist("weft-ipam"), bin.resolve("weft-ipam"), StandardCopyOption.COPY_ATTRIBUTES);
      String config = "{\"cniVersion\":\"1.0.0\",\"name\":\"wtref\",\"type\":\"bridge\",\"bridge\":\"wtrbr0\","
          + "\"isGateway\":true,\"ipam\":{\"type\":\"weft-ipam\",\"dataDir\":\"" + node.dataDir()
          + "\",\"ranges\":[[{\"subnet\":\"10.99.0.0/24\"}]]}}";
      String pod = node.pod("p");
      Map<String, String> e = env("ADD", "c1");
      e.put("CNI_NETNS", pod);
      e.put("CNI_PATH", bin.toString());
      Reply add = plugin(node, NO_JVM).exec(bin.resolve("bridge"), e, config).ok();
      assertThat(add.stdout()).contains("\"address\": \"10.99.0.2/24\"");
      assertThat(node.ipFiles("wtref")).containsExactly("10.99.0.2");
      e.put("CNI_COMMAND", "DEL");
      plugin(node, NO_JVM).exec(bin.resolve("bridge"), e, config).ok();
      assertThat(node.ipFiles("wtref")).isEmpty();
    }
  }

  @Test
  void aStaleEndpointFallsBackToTheJvmWithStdinIntact() throws Exception {
    try (Node node = new Node(LAB, "h", tmp, false)) {
      Path socket = tmp.resolve("gone/cni.sock");
      Files.createDirectories(socket.getParent());
      // a daemon that died without cleaning up: nothing listens on the port, no unix socket
      Files.writeString(socket.resolveSibling("cni.sock.tcp"), "9 " + "ab".repeat(32) + " " + "cd".repeat(32) + "\n");
      Plugin stale = new Plugin(node.name(), Map.of("WEFT_CNI_SOCKET", socket.toString()));
      String ipam = ipamConfig(node, "wtstale", "\"comment\":\"" + "x".repeat(70_000) + "\",");
      Reply add = stale.exec(Plugin.dist("weft-ipam"), env("ADD", "c1"), ipam).ok();
      assertThat(add.stdout()).contains("\"address\":\"10.98.");
      assertThat(node.ipFiles("wtstale")).hasSize(1);
      stale.exec(Plugin.dist("weft-ipam"), env("DEL", "c1"), ipam).ok();
      assertThat(node.ipFiles("wtstale")).isEmpty();
    }
  }

  /** Whoever binds a dead daemon's port learns the request token, but cannot sign a reply. */
  @Test
  void aReplyWithoutTheReplyTokenIsNotBelieved() throws Exception {
    try (Node node = new Node(LAB, "h", tmp, false);
        ServerSocketChannel impostor = Sockets.listen(LAB.driver(), node.ref(), "127.0.0.1", 0)) {
      int port = ((java.net.InetSocketAddress) impostor.getLocalAddress()).getPort();
      Path socket = tmp.resolve("gone/cni.sock");
      Files.createDirectories(socket.getParent());
      Files.writeString(socket.resolveSibling("cni.sock.tcp"), port + " " + "ab".repeat(32) + " " + "cd".repeat(32) + "\n");
      String forged = "{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"192.0.2.66/24\"}]}";
      StringBuilder heard = new StringBuilder();
      Thread answering = Thread.ofVirtual().start(() -> {
        try (SocketChannel c = impostor.accept()) {
          java.nio.ByteBuffer request = java.nio.ByteBuffer.allocate(4096);
          c.read(request);
          heard.append(new String(request.array(), 0, request.position(), java.nio.charset.StandardCharsets.UTF_8));
          c.write(java.nio.ByteBuffer.wrap(("WEFT-SH1 " + "ab".repeat(32) + " 0 0 " + forged.length() + " 0\n" + forged)
              .getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.io.IOException e) {
          // the test's assertions say what happened
        }
      });
      Reply add = new Plugin(node.name(), Map.of("WEFT_CNI_SOCKET", socket.toString()))
          .exec(Plugin.dist("weft-ipam"), env("ADD", "c1"), ipamConfig(node, "wtforge", "")).ok();
      answering.join(10_000);
      assertThat(heard.toString()).as("the relay did ask the impostor").startsWith("WEFT-SH1 weft-ipam " + "ab".repeat(32));
      assertThat(add.stdout()).doesNotContain("192.0.2.66").contains("\"address\":\"10.98.");
      assertThat(node.ipFiles("wtforge")).hasSize(1);
    }
  }

  /** A value the relay cannot frame: weft-ipam's JVM runs it; weft's JVM client hands it to the daemon. */
  @Test
  void aVariableWithANewlineTakesTheJvmPath() throws Exception {
    try (Node node = new Node(LAB, "h", tmp, true)) {
      Map<String, String> e = env("ADD", "c1");
      e.put("CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAME=a\nb");
      String ipam = ipamConfig(node, "wtnl", "");
      Reply add = node.plugin().exec(Plugin.dist("weft-ipam"), e, ipam).ok();
      assertThat(add.stdout()).contains("\"address\":\"10.98.");
      e.put("CNI_COMMAND", "DEL");
      node.plugin().exec(Plugin.dist("weft-ipam"), e, ipam).ok();
      assertThat(node.ipFiles("wtnl")).isEmpty();

      long before = versionsServed(node);
      e.put("CNI_COMMAND", "VERSION");
      node.plugin().exec(Plugin.dist("weft"), e, "{\"cniVersion\":\"1.0.0\"}").ok();
      assertThat(versionsServed(node)).as("served by the daemon, over its unix socket").isEqualTo(before + 1);
    }
  }

  private static long versionsServed(Node node) throws java.io.IOException {
    Path log = node.dir().resolve("cnid.log");
    return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains("VERSION served in")).count() : 0;
  }

  private static Plugin plugin(Node node, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(extra);
    env.putIfAbsent("WEFT_CNI_SOCKET", node.dir().resolve("cni.sock").toString());
    return new Plugin(node.name(), env);
  }

  private static Map<String, String> env(String command, String container) {
    Map<String, String> env = new HashMap<>();
    env.put("CNI_COMMAND", command);
    env.put("CNI_CONTAINERID", container);
    env.put("CNI_NETNS", "/proc/self/ns/net");
    env.put("CNI_IFNAME", "eth0");
    env.put("CNI_PATH", "/usr/lib/cni");
    return env;
  }

  private static String ipamConfig(Node node, String network, String extra) {
    return "{\"cniVersion\":\"1.0.0\",\"name\":\"" + network + "\",\"type\":\"bridge\"," + extra
        + "\"ipam\":{\"type\":\"weft-ipam\",\"dataDir\":\"" + node.dataDir()
        + "\",\"ranges\":[[{\"subnet\":\"10.98.0.0/24\"}]]}}";
  }
}
