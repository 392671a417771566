package dev.weft.cni.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cni.testing.Json;
import dev.weft.cni.testing.Node;
import dev.weft.cni.testing.Plugin.Reply;
import dev.weft.cni.testing.Sockets;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.testing.Lab;
import dev.weft.linux.testing.Shell;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Overlay mode: two emulated nodes joined by a veth "underlay", pods reaching each other over VXLAN. */
class OverlayIT {
  @RegisterExtension
  static final Lab LAB = new Lab();

  @TempDir
  Path tmp;

  static String config(String version, Path peers, String subnetOrPool, Path ipam) {
    return "{\"cniVersion\":\"" + version + "\",\"name\":\"wtovl\",\"type\":\"weft\",\"mode\":\"overlay\","
        + "\"bridge\":\"wtovbr\",\"overlay\":{\"vni\":42,\"port\":8472,\"underlay\":\"ul0\",\"peersFile\":\"" + peers
        + "\"," + subnetOrPool + ",\"dataDir\":\"" + ipam + "\"}}";
  }

  /** Two nodes whose {@code ul0} interfaces share 192.168.77.0/24. */
  static void underlay(Node a, Node b) {
    Shell.ok("ip", "link", "add", "wtula", "netns", a.name(), "type", "veth", "peer", "name", "wtulb", "netns", b.name());
    for (Node n : new Node[] {a, b}) {
      String old = n == a ? "wtula" : "wtulb";
      Shell.ok("ip", "-n", n.name(), "link", "set", old, "name", "ul0");
      Shell.ok("ip", "-n", n.name(), "addr", "add", n == a ? "192.168.77.1/24" : "192.168.77.2/24", "dev", "ul0");
      Shell.ok("ip", "-n", n.name(), "link", "set", "ul0", "up");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0"})
  void podsOnTwoNodesTalkOverVxlan(String version) throws Exception {
    try (Node a = new Node(LAB, "a", tmp.resolve("a"), true); Node b = new Node(LAB, "b", tmp.resolve("b"), false)) {
      underlay(a, b);
      Path peers = twoPeers(tmp.resolve("peers.json"), "10.95");
      String configA = config(version, peers, "\"subnet\":\"10.95.1.0/24\"", a.dataDir());
      String configB = config(version, peers, "\"subnet\":\"10.95.2.0/24\"", b.dataDir());
      Pods pods = addBoth(a, b, configA, configB);
      String ipA = Json.podAddress(pods.addA().stdout());
      String ipB = Json.podAddress(pods.addB().stdout());
      assertThat(ipA).startsWith("10.95.1.");
      assertThat(ipB).startsWith("10.95.2.");
      // the device, MTU = underlay (1500) - 50, and flannel's three entries per peer
      assertThat(Shell.ok("ip", "-n", a.name(), "-d", "link", "show", "weft.42")).contains("vxlan id 42")
          .contains("mtu 1450").contains("dstport 8472").contains("nolearning");
      assertThat(Shell.ok("ip", "-n", a.name(), "route")).contains("10.95.2.0/24 via 10.95.2.0 dev weft.42 proto static onlink");
      assertThat(Shell.ok("ip", "-n", a.name(), "neigh", "show", "dev", "weft.42")).contains("10.95.2.0").contains("PERMANENT");
      assertThat(Shell.ok("bridge", "-n", a.name(), "fdb", "show", "dev", "weft.42")).contains("dst 192.168.77.2");
      assertThat(Shell.ok("ip", "-n", BridgeModeIT.podName(pods.podA()), "link", "show", "eth0")).contains("mtu 1450");
      assertThat(talk(pods.podA(), pods.podB(), ipB, 9000, "over vxlan")).isEqualTo("over vxlan");
      if (!version.startsWith("0.3")) {
        a.plugin().run("CHECK", "ca", pods.podA(), "eth0", withPrev(configA, pods.addA().stdout())).ok();
      }
      a.plugin().run("DEL", "ca", pods.podA(), "eth0", withPrev(configA, pods.addA().stdout())).ok();
      b.plugin().run("DEL", "cb", pods.podB(), "eth0", withPrev(configB, pods.addB().stdout())).ok();
      b.plugin().run("DEL", "cb", pods.podB(), "eth0", configB).ok();
      assertThat(a.hostVeths()).isEmpty();
      assertThat(b.ipFiles("wtovl")).isEmpty();
    }
  }

  /**
   * {@code "dataplane": "weft"}: the overlay runs in weft-cnid's userspace VTEP. Pods on two nodes talk
   * TCP both ways over VXLAN, over GRE-in-UDP (which this kernel cannot do itself), and between a node on
   * the kernel's VXLAN and a node on weft's, which proves the VTEP speaks the kernel's wire format.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"weft-vxlan", "weft-gre", "kernel-vxlan-with-weft-vxlan"})
  void podsTalkThroughTheUserspaceDataplane(String setup) throws Exception {
    try (Node a = new Node(LAB, "a", tmp.resolve("a"), true); Node b = new Node(LAB, "b", tmp.resolve("b"), true)) {
      underlay(a, b);
      Path peers = twoPeers(tmp.resolve("peers.json"), "10.93");
      boolean gre = setup.equals("weft-gre");
      String weft = (gre ? "\"backend\":\"gre\"," : "") + "\"dataplane\":\"weft\",\"vni\":42";
      String configA = config("1.1.0", peers, "\"subnet\":\"10.93.1.0/24\"", a.dataDir());
      String configB = config("1.1.0", peers, "\"subnet\":\"10.93.2.0/24\"", b.dataDir()).replace("\"vni\":42", weft);
      if (!setup.startsWith("kernel")) {
        configA = configA.replace("\"vni\":42", weft);
      }
      if (gre) { // the GRE backend's own default port, 4754
        configA = configA.replace("\"port\":8472,", "");
        configB = configB.replace("\"port\":8472,", "");
      }
      Pods pods = addBoth(a, b, configA, configB);
      String ipA = Json.podAddress(pods.addA().stdout());
      String ipB = Json.podAddress(pods.addB().stdout());
      String device = gre ? "weftg.42" : "weftu.42";
      assertThat(Shell.ok("ip", "-n", b.name(), "-d", "link", "show", device)).contains("tun type tap")
          .contains(gre ? "mtu 1464" : "mtu 1450");
      assertThat(Shell.ok("ip", "-n", b.name(), "route")).contains("10.93.1.0/24 via 10.93.1.0 dev " + device + " proto static onlink");
      assertThat(Shell.ok("ip", "-n", BridgeModeIT.podName(pods.podB()), "link", "show", "eth0")).contains(gre ? "mtu 1464" : "mtu 1450");
      assertThat(talk(pods.podA(), pods.podB(), ipB, 9000, "a to b")).isEqualTo("a to b");
      assertThat(talk(pods.podB(), pods.podA(), ipA, 9001, "b to a")).isEqualTo("b to a");
      // b's daemon restarts: its TAP goes and comes back from the kept config, without another ADD
      b.restartDaemon();
      assertThat(Shell.ok("ip", "-n", b.name(), "route")).contains("10.93.1.0/24 via 10.93.1.0 dev " + device);
      assertThat(talk(pods.podA(), pods.podB(), ipB, 9002, "after the restart")).isEqualTo("after the restart");
      a.plugin().run("DEL", "ca", pods.podA(), "eth0", configA).ok();
      b.plugin().run("DEL", "cb", pods.podB(), "eth0", configB).ok();
      assertThat(b.hostVeths()).isEmpty();
    }
  }

  @Test
  void theWeftDataplaneWithoutTheDaemonIsCode50() {
    try (Node a = new Node(LAB, "a", tmp.resolve("a"), false)) {
      String config = config("1.1.0", tmp.resolve("none.json"), "\"subnet\":\"10.98.1.0/24\"", a.dataDir())
          .replace("\"vni\":42", "\"dataplane\":\"weft\",\"vni\":42").replace("\"underlay\":\"ul0\",", "");
      Reply add = a.plugin().run("ADD", "c1", a.pod("p"), "eth0", config);
      assertThat(Json.code(add.stdout())).isEqualTo(50);
      assertThat(Json.parse(add.stdout()).get("msg").asString()).contains("weft-cnid");
      assertThat(Shell.linkNames(a.name())).containsExactly("lo");
    }
  }

  @Test
  void addReconcilesThePeersFile() {
    try (Node a = new Node(LAB, "a", tmp.resolve("a"), true); Node b = new Node(LAB, "b", tmp.resolve("b"), false)) {
      underlay(a, b);
      Path peers = tmp.resolve("peers.json");
      write(peers, "{\"peers\":[{\"address\":\"192.168.77.2\",\"subnet\":\"10.96.2.0/24\"},"
          + "{\"address\":\"192.168.77.9\",\"subnet\":\"10.96.9.0/24\"}]}");
      String config = config("1.1.0", peers, "\"subnet\":\"10.96.1.0/24\"", a.dataDir());
      a.plugin().run("ADD", "c1", a.pod("p"), "eth0", config).ok();
      assertThat(Shell.ok("ip", "-n", a.name(), "route")).contains("10.96.9.0/24").contains("10.96.2.0/24");
      // node 9 leaves, node 3 joins: the next ADD converges
      write(peers, "{\"peers\":[{\"address\":\"192.168.77.2\",\"subnet\":\"10.96.2.0/24\"},"
          + "{\"address\":\"192.168.77.3\",\"subnet\":\"10.96.3.0/24\"}]}");
      a.plugin().run("ADD", "c2", a.pod("q"), "eth0", config).ok();
      String routes = Shell.ok("ip", "-n", a.name(), "route");
      assertThat(routes).contains("10.96.3.0/24").contains("10.96.2.0/24").doesNotContain("10.96.9.0");
      assertThat(Shell.ok("ip", "-n", a.name(), "neigh", "show", "dev", "weft.42")).doesNotContain("10.96.9.0");
      assertThat(Shell.ok("bridge", "-n", a.name(), "fdb", "show", "dev", "weft.42")).doesNotContain("192.168.77.9");
    }
  }

  @Test
  void nodeSubnetFromTheClusterPool() {
    try (Node a = new Node(LAB, "a", tmp.resolve("a"), false); Node b = new Node(LAB, "b", tmp.resolve("b"), false)) {
      underlay(a, b);
      Path blocks = tmp.resolve("blocks");
      String pool = "\"clusterPool\":{\"pools\":[\"10.97.0.0/16\"],\"blockPrefix\":24,\"dataDir\":\"" + blocks
          + "\",\"node\":\"%s\"}";
      Path peers = tmp.resolve("none.json");
      String ipA = Json.podAddress(a.plugin().run("ADD", "c1", a.pod("p"), "eth0",
          config("1.1.0", peers, pool.formatted("node-a"), a.dataDir())).ok().stdout());
      String ipB = Json.podAddress(b.plugin().run("ADD", "c1", b.pod("q"), "eth0",
          config("1.1.0", peers, pool.formatted("node-b"), b.dataDir())).ok().stdout());
      assertThat(ipA).startsWith("10.97.");
      assertThat(ipB).startsWith("10.97.");
      assertThat(ipA.substring(0, ipA.lastIndexOf('.'))).as("each node gets its own /24 block")
          .isNotEqualTo(ipB.substring(0, ipB.lastIndexOf('.')));
    }
  }

  @Test
  void kernelGreIsCode50BeforeAnythingIsCreated() {
    try (Node a = new Node(LAB, "a", tmp.resolve("a"), false)) {
      String config = config("1.1.0", tmp.resolve("none.json"), "\"subnet\":\"10.98.1.0/24\"", a.dataDir())
          .replace("\"vni\":42", "\"backend\":\"gre\",\"vni\":42").replace("\"underlay\":\"ul0\",", "");
      String pod = a.pod("p");
      Reply add = a.plugin().run("ADD", "c1", pod, "eth0", config);
      assertThat(add.exit()).isNotZero();
      assertThat(Json.code(add.stdout())).isEqualTo(50);
      assertThat(Json.parse(add.stdout()).get("msg").asString()).contains("no gre support");
      assertThat(Shell.linkNames(a.name())).containsExactly("lo");
      assertThat(a.ipFiles("wtovl")).isEmpty();
      Reply status = a.plugin().run("STATUS", "", "", "", config);
      assertThat(Json.code(status.stdout())).isEqualTo(50);
    }
  }

  /** Nodes a (192.168.77.1, PREFIX.1.0/24) and b (192.168.77.2, PREFIX.2.0/24). */
  static Path twoPeers(Path file, String prefix) throws java.io.IOException {
    return Files.writeString(file, "{\"peers\":[{\"node\":\"a\",\"address\":\"192.168.77.1\",\"subnet\":\"" + prefix
        + ".1.0/24\"},{\"node\":\"b\",\"address\":\"192.168.77.2\",\"subnet\":\"" + prefix + ".2.0/24\"}]}");
  }

  /** A TCP exchange from pod {@code from} to a server in pod {@code to} on {@code ip}:{@code port}. */
  static String talk(String from, String to, String ip, int port, String message) throws Exception {
    try (ServerSocketChannel server = Sockets.listen(LAB.driver(), NetnsRef.named(BridgeModeIT.podName(to)), ip, port)) {
      return Sockets.exchange(LAB.driver(), NetnsRef.named(BridgeModeIT.podName(from)), server, ip, port, message);
    }
  }

  static String withPrev(String config, String result) {
    return config.substring(0, config.length() - 1) + ",\"prevResult\":" + result + "}";
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Pod {@code p} on node a and pod {@code q} on node b, each added with its node's config (ADD ids ca, cb). */
  private record Pods(String podA, String podB, Reply addA, Reply addB) {}

  private static Pods addBoth(Node a, Node b, String configA, String configB) throws Exception {
    String podA = a.pod("p");
    String podB = b.pod("q");
    return new Pods(podA, podB, a.plugin().run("ADD", "ca", podA, "eth0", configA).ok(),
        b.plugin().run("ADD", "cb", podB, "eth0", configB).ok());
  }
}
