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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Chaining with the reference portmap plugin, GC against a partial valid list, and the none/host modes. */
class ChainAndGcIT {
  @RegisterExtension
  static final Lab LAB = new Lab();

  @TempDir
  Path tmp;

  @Test
  void portmapFollowsWeftAndItsHostPortDnatWorks() throws Exception {
    try (Node node = new Node(LAB, "h", tmp, true)) {
      // a client namespace on the node's "external" link, so the DNAT is exercised in PREROUTING
      String client = LAB.namespace("c").name().value();
      Shell.ok("ip", "link", "add", "wtext", "netns", node.name(), "type", "veth", "peer", "name", "eth0", "netns", client);
      Shell.ok("ip", "-n", node.name(), "addr", "add", "192.168.88.1/24", "dev", "wtext");
      Shell.ok("ip", "-n", node.name(), "link", "set", "wtext", "up");
      Shell.ok("ip", "-n", client, "addr", "add", "192.168.88.2/24", "dev", "eth0");
      Shell.ok("ip", "-n", client, "link", "set", "eth0", "up");
      String weft = Configs.bridge("1.0.0", "wtnet", "wtbr0", "10.99.0.0/24", node.dataDir(), "\"ipMasq\":true");
      String pod = node.pod("p");
      Reply add = node.plugin().run("ADD", "c1", pod, "eth0", weft).ok();
      String podIp = Json.podAddress(add.stdout());
      String portmap = "{\"cniVersion\":\"1.0.0\",\"name\":\"wtnet\",\"type\":\"portmap\",\"capabilities\":{\"portMappings\":true},"
          + "\"runtimeConfig\":{\"portMappings\":[{\"hostPort\":30080,\"containerPort\":8080,\"protocol\":\"tcp\"}]},"
          + "\"prevResult\":" + add.stdout() + "}";
      Map<String, String> env = Map.of("CNI_COMMAND", "ADD", "CNI_CONTAINERID", "c1", "CNI_NETNS", pod,
          "CNI_IFNAME", "eth0", "CNI_PATH", "/usr/lib/cni");
      Reply pm = node.plugin().exec(Path.of("/usr/lib/cni/portmap"), env, portmap).ok();
      assertThat(Json.parse(pm.stdout()).get("ips").get(0).get("address").asString()).startsWith(podIp);
      try (ServerSocketChannel server = Sockets.listen(LAB.driver(), NetnsRef.named(BridgeModeIT.podName(pod)), podIp, 8080)) {
        assertThat(Sockets.exchange(LAB.driver(), NetnsRef.named(client), server, "192.168.88.1", 30080, "via hostPort"))
            .isEqualTo("via hostPort");
      }
      Map<String, String> del = new java.util.HashMap<>(env);
      del.put("CNI_COMMAND", "DEL");
      String finalResult = pm.stdout();
      node.plugin().exec(Path.of("/usr/lib/cni/portmap"), del, portmap.replace(add.stdout(), finalResult)).ok();
      node.plugin().run("DEL", "c1", pod, "eth0", Configs.with(weft, "prevResult", finalResult)).ok();
      BridgeModeIT.assertNoLeftovers(node, podIp);
    }
  }

  @Test
  void gcRemovesWhatTheValidListDoesNotName() {
    try (Node node = new Node(LAB, "h", tmp, true)) {
      String config = Configs.bridge("1.1.0", "wtnet", "wtbr0", "10.100.0.0/24", node.dataDir(),
          "\"ipMasq\":true,\"macspoofchk\":true");
      List<String> ips = new java.util.ArrayList<>();
      for (String id : List.of("keep1", "keep2", "gone1", "gone2")) {
        ips.add(Json.podAddress(node.plugin().run("ADD", id, node.pod("p"), "eth0", config).ok().stdout()));
      }
      String gc = Configs.with(config, "cni.dev/valid-attachments",
          "[{\"containerID\":\"keep1\",\"ifname\":\"eth0\"},{\"containerID\":\"keep2\",\"ifname\":\"eth0\"}]");
      node.plugin().run("GC", "", "", "", gc).ok();
      assertThat(node.hostVeths()).hasSize(2);
      assertThat(node.ipFiles("wtnet")).containsExactlyInAnyOrder(ips.get(0), ips.get(1));
      String rules = node.nft();
      assertThat(rules).contains("weft:wtnet/keep1/eth0").contains("weft:wtnet/keep2/eth0")
          .doesNotContain("gone1").doesNotContain("gone2").doesNotContain(ips.get(2) + " ");
      // GC needs 1.1.0
      assertThat(Json.code(node.plugin().run("GC", "", "", "", gc.replace("\"1.1.0\"", "\"1.0.0\"")).stdout())).isEqualTo(1);
      node.plugin().run("STATUS", "", "", "", config).ok();
    }
  }

  @Test
  void noneAndHostModes() {
    try (Node node = new Node(LAB, "h", tmp, true)) {
      Shell.ok("ip", "-n", node.name(), "addr", "add", "192.168.89.1/24", "dev", "lo");
      for (String version : List.of("0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0")) {
        String pod = node.pod("n");
        String none = Configs.mode(version, "wtnone", "none");
        Reply add = node.plugin().run("ADD", "c1", pod, "eth0", none).ok();
        assertThat(Json.parse(add.stdout()).get("interfaces").get(0).get("name").asString()).isEqualTo("lo");
        assertThat(Json.podAddress(add.stdout())).isEqualTo("127.0.0.1");
        assertThat(Shell.ok("ip", "-n", BridgeModeIT.podName(pod), "link", "show", "lo")).contains("UP");
        if (!version.startsWith("0.3")) {
          node.plugin().run("CHECK", "c1", pod, "eth0", none).ok();
        }
        node.plugin().run("DEL", "c1", pod, "eth0", none).ok();
        String host = Configs.mode(version, "wthost", "host");
        Reply hostAdd = node.plugin().run("ADD", "c2", pod, "eth0", host).ok();
        assertThat(hostAdd.stdout()).contains("192.168.89.1/24").doesNotContain("sandbox");
        if (!version.startsWith("0.3")) {
          node.plugin().run("CHECK", "c2", pod, "eth0", host).ok();
        }
        node.plugin().run("DEL", "c2", pod, "eth0", host).ok();
        assertThat(Shell.linkNames(BridgeModeIT.podName(pod))).containsExactly("lo");
      }
      assertThat(Shell.linkNames(node.name())).containsExactly("lo");
    }
  }
}
