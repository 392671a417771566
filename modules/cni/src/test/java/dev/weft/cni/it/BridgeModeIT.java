package dev.weft.cni.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cni.testing.Configs;
import dev.weft.cni.testing.Json;
import dev.weft.cni.testing.Node;
import dev.weft.cni.testing.Plugin.Reply;
import dev.weft.cni.testing.Sockets;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.testing.Lab;
import dev.weft.linux.testing.Shell;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Bridge mode through the packaged executable, per cniVersion, through the daemon and standalone. */
class BridgeModeIT {
  @RegisterExtension
  static final Lab LAB = new Lab();

  @TempDir
  Path tmp;

  static Stream<Arguments> versionsAndPaths() {
    return Stream.of("0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0")
        .flatMap(v -> Stream.of(Arguments.of(v, true), Arguments.of(v, false)));
  }

  @ParameterizedTest(name = "{0} daemon={1}")
  @MethodSource("versionsAndPaths")
  void addCheckDelTwice(String version, boolean daemon) {
    try (Node node = new Node(LAB, "h", tmp, daemon)) {
      String pod = node.pod("p");
      String config = Configs.bridge(version, "wtnet", "wtbr0", "10.91.0.0/24", node.dataDir(),
          "\"ipMasq\":true,\"macspoofchk\":true");
      Reply add = node.plugin().run("ADD", "c1", pod, "eth0", config).ok();
      JsonNode result = Json.parse(add.stdout());
      assertThat(result.get("cniVersion").asString()).isEqualTo(version);
      JsonNode ip = result.get("ips").get(0);
      assertThat(ip.has("version")).as("ips[].version exists before 1.0.0 only").isEqualTo(version.startsWith("0."));
      assertThat(result.get("interfaces").get(2).has("mtu")).isEqualTo(version.equals("1.1.0"));
      assertThat(result.get("interfaces").get(2).get("sandbox").asString()).isEqualTo(pod);
      String address = Json.podAddress(add.stdout());
      assertThat(Shell.ok("ip", "-n", podName(pod), "-4", "addr", "show", "eth0")).contains(address + "/24");
      assertThat(Shell.ok("ip", "-n", podName(pod), "route")).contains("default via 10.91.0.1");
      assertThat(node.nft()).contains(address).contains("weft:wtnet/c1/eth0");
      assertThat(node.hostVeths()).hasSize(1);

      String withPrev = Configs.with(config, "prevResult", add.stdout());
      Reply check = node.plugin().run("CHECK", "c1", pod, "eth0", withPrev);
      if (version.startsWith("0.3")) {
        assertThat(Json.code(check.stdout())).as("CHECK needs 0.4.0").isEqualTo(1);
      } else {
        check.ok();
      }
      node.plugin().run("DEL", "c1", pod, "eth0", withPrev).ok();
      node.plugin().run("DEL", "c1", pod, "eth0", withPrev).ok();
      assertNoLeftovers(node, address);
      assertThat(Shell.linkNames(podName(pod))).doesNotContain("eth0");
    }
  }

  @Test
  void twoPodsOnOneBridgeTalkTcp() throws Exception {
    try (Node node = new Node(LAB, "h", tmp, true)) {
      String config = Configs.bridge("1.1.0", "wtnet", "wtbr0", "10.92.0.0/24", node.dataDir(), "");
      String pod1 = node.pod("p");
      String pod2 = node.pod("q");
      String a1 = Json.podAddress(node.plugin().run("ADD", "c1", pod1, "eth0", config).ok().stdout());
      String a2 = Json.podAddress(node.plugin().run("ADD", "c2", pod2, "eth0", config).ok().stdout());
      assertThat(a1).isNotEqualTo(a2);
      try (ServerSocketChannel server = Sockets.listen(LAB.driver(), NetnsRef.named(podName(pod1)), a1, 8080)) {
        String got = Sockets.exchange(LAB.driver(), NetnsRef.named(podName(pod2)), server, a1, 8080, "hello from " + a2);
        assertThat(got).isEqualTo("hello from " + a2);
      }
      node.plugin().run("DEL", "c1", pod1, "eth0", config).ok();
      node.plugin().run("DEL", "c2", pod2, "eth0", config).ok();
      assertNoLeftovers(node, a1);
      assertNoLeftovers(node, a2);
    }
  }

  @ParameterizedTest(name = "daemon={0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
  void delAfterTheNetnsIsGoneReleasesEverything(boolean daemon) {
    try (Node node = new Node(LAB, "h", tmp, daemon)) {
      String config = Configs.bridge("1.0.0", "wtnet", "wtbr0", "10.93.0.0/24", node.dataDir(),
          "\"ipMasq\":true,\"macspoofchk\":true");
      String pod = node.pod("p");
      String pod2 = node.pod("q");
      String a1 = Json.podAddress(node.plugin().run("ADD", "c1", pod, "eth0", config).ok().stdout());
      String a2 = Json.podAddress(node.plugin().run("ADD", "c2", pod2, "eth0", config).ok().stdout());
      Shell.ok("ip", "netns", "del", podName(pod));
      Shell.ok("ip", "netns", "del", podName(pod2));
      // the runtime still names the deleted path for one, and nothing for the other (CNI_NETNS empty)
      node.plugin().run("DEL", "c1", pod, "eth0", config).ok();
      node.plugin().run("DEL", "c2", "", "eth0", config).ok();
      node.plugin().run("DEL", "c2", "", "eth0", config).ok();
      assertNoLeftovers(node, a1);
      assertNoLeftovers(node, a2);
    }
  }

  @Test
  void aDaemonInAnotherNamespaceIsNotUsed() {
    try (Node a = new Node(LAB, "a", tmp.resolve("a"), true); Node b = new Node(LAB, "b", tmp.resolve("b"), false)) {
      var viaA = new dev.weft.cni.testing.Plugin(b.name(), java.util.Map.of("WEFT_CNI_SOCKET",
          a.dir().resolve("cni.sock").toString()));
      String pod = b.pod("p");
      String config = Configs.bridge("1.1.0", "wtnet", "wtbrb", "10.94.0.0/24", b.dataDir(), "");
      viaA.run("ADD", "c1", pod, "eth0", config).ok();
      assertThat(Shell.linkNames(b.name())).contains("wtbrb");
      assertThat(Shell.linkNames(a.name())).doesNotContain("wtbrb");
      viaA.run("DEL", "c1", pod, "eth0", config).ok();
    }
  }

  /**
   * ADD first tries an add-only nft transaction; a leftover element of a gone attachment (same address)
   * must make it take the full script and replace the element, or GC would later delete the new pod's
   * masquerade. A changed subnet list must get a chain of its own, not reuse the old rule.
   */
  @Test
  void aLeftoverElementIsReplacedAndAChangedConfigGetsItsOwnChain() throws Exception {
    try (Node node = new Node(LAB, "h", tmp, true)) {
      String config = Configs.bridge("1.1.0", "wtnet", "wtbr0", "10.95.0.0/24", node.dataDir(), "\"ipMasq\":true");
      String pod1 = node.pod("p");
      String a1 = Json.podAddress(node.plugin().run("ADD", "c1", pod1, "eth0", config).ok().stdout());
      // c1 "crashed": its address went back to IPAM, its pod namespace is gone, its element stayed
      java.nio.file.Files.delete(node.dataDir().resolve("wtnet").resolve(a1));
      Shell.ok("ip", "netns", "del", podName(pod1));
      assertThat(node.nft()).contains("weft:wtnet/c1/eth0");

      String pod2 = node.pod("q");
      var env = new java.util.HashMap<String, String>(java.util.Map.of("CNI_COMMAND", "ADD", "CNI_CONTAINERID", "c2",
          "CNI_NETNS", pod2, "CNI_IFNAME", "eth0", "CNI_PATH", "/usr/lib/cni", "CNI_ARGS", "IP=" + a1));
      String a2 = Json.podAddress(node.plugin().exec(dev.weft.cni.testing.Plugin.dist("weft"), env, config).ok().stdout());
      assertThat(a2).isEqualTo(a1);
      assertThat(node.nft()).contains("weft:wtnet/c2/eth0").doesNotContain("weft:wtnet/c1/eth0");

      // the same network name with another subnet: a second masquerade chain with the new exclusion
      String moved = Configs.bridge("1.1.0", "wtnet", "wtbr0", "10.96.0.0/24", node.dataDir(),
          "\"ipMasq\":true,\"forceAddress\":true");
      String pod3 = node.pod("r");
      String a3 = Json.podAddress(node.plugin().run("ADD", "c3", pod3, "eth0", moved).ok().stdout());
      String rules = node.nft();
      assertThat(rules.split("chain masq-", -1)).as("one masquerade chain per subnet list").hasSize(3);
      assertThat(rules).contains("ip daddr != 10.95.0.0/24").contains("ip daddr != 10.96.0.0/24");
      node.plugin().run("DEL", "c3", pod3, "eth0", moved).ok();
      node.plugin().run("DEL", "c2", pod2, "eth0", config).ok();
      assertNoLeftovers(node, a2);
      assertThat(node.nft()).doesNotContain(a3 + " ").doesNotContain(a3 + ",");
    }
  }

  static void assertNoLeftovers(Node node, String address) {
    assertThat(node.hostVeths()).as("host veths").isEmpty();
    assertThat(node.ipFiles("wtnet")).as("IPAM files").doesNotContain(address);
    assertThat(node.nft()).as("nft elements").doesNotContain(address + " ").doesNotContain(address + ",");
  }

  static String podName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
