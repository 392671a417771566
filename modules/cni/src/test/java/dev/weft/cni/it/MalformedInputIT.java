package dev.weft.cni.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cni.testing.Configs;
import dev.weft.cni.testing.Json;
import dev.weft.cni.testing.Node;
import dev.weft.cni.testing.Plugin;
import dev.weft.cni.testing.Plugin.Reply;
import dev.weft.linux.testing.Lab;
import dev.weft.linux.testing.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed inputs through the packaged executable: each gets its CNI error code on stdout, a message
 * naming the variable or field, a non-zero exit, and leaves nothing behind. Every case runs through the
 * daemon and standalone, and both replies must be identical.
 */
class MalformedInputIT {
  @RegisterExtension
  static final Lab LAB = new Lab();

  @TempDir
  Path tmp;

  record Case(String name, Map<String, String> env, String stdin, int code, String mentions) {}

  List<Case> cases(String pod, Path data, Path peers) {
    String ok = Configs.bridge("1.1.0", "wtbad", "wtbr0", "10.101.0.0/24", data, "");
    String v = "\"cniVersion\":\"1.1.0\",\"name\":\"wtbad\",\"type\":\"weft\"";
    String ipam = ",\"ipam\":{\"type\":\"weft-ipam\",\"dataDir\":\"" + data + "\",\"ranges\":[[{\"subnet\":\"10.101.0.0/24\"}]]}";
    String overlay = "{" + v + ",\"mode\":\"overlay\",\"overlay\":{\"peersFile\":\"" + peers + "\",\"subnet\":\"10.102.1.0/24\"";
    List<Case> c = new ArrayList<>();
    c.add(new Case("no command", env(null, "c1", pod, "eth0"), ok, 4, "CNI_COMMAND"));
    c.add(new Case("unknown command", env("FOO", "c1", pod, "eth0"), ok, 4, "CNI_COMMAND"));
    c.add(new Case("ADD without container id", env("ADD", null, pod, "eth0"), ok, 4, "CNI_CONTAINERID"));
    c.add(new Case("ADD without netns", env("ADD", "c1", null, "eth0"), ok, 4, "CNI_NETNS"));
    c.add(new Case("ADD without ifname", env("ADD", "c1", pod, null), ok, 4, "CNI_IFNAME"));
    c.add(new Case("DEL without container id", env("DEL", null, pod, "eth0"), ok, 4, "CNI_CONTAINERID"));
    c.add(new Case("CHECK without netns", env("CHECK", "c1", null, "eth0"), ok, 4, "CNI_NETNS"));
    c.add(new Case("bad container id", env("ADD", "-c1", pod, "eth0"), ok, 4, "CNI_CONTAINERID"));
    c.add(new Case("ifname too long", env("ADD", "c1", pod, "eth0123456789012"), ok, 4, "CNI_IFNAME"));
    c.add(new Case("ifname with slash", env("ADD", "c1", pod, "et/h0"), ok, 4, "CNI_IFNAME"));
    c.add(new Case("CNI_ARGS not K=V", with(env("ADD", "c1", pod, "eth0"), "CNI_ARGS", "FOO"), ok, 4, "CNI_ARGS"));
    c.add(new Case("CNI_ARGS unknown key", with(env("ADD", "c1", pod, "eth0"), "CNI_ARGS", "FOO=1"), ok, 4, "FOO"));
    c.add(new Case("CNI_ARGS bad MAC", with(env("ADD", "c1", pod, "eth0"), "CNI_ARGS", "MAC=zz"), ok, 4, "MAC"));
    c.add(new Case("GC without CNI_PATH", without(env("GC", null, null, null), "CNI_PATH"), ok, 4, "CNI_PATH"));
    c.add(new Case("empty stdin", env("ADD", "c1", pod, "eth0"), "", 6, "stdin"));
    c.add(new Case("truncated JSON", env("ADD", "c1", pod, "eth0"), "{\"cniVersion\":", 6, "stdin"));
    c.add(new Case("trailing garbage", env("ADD", "c1", pod, "eth0"), ok + "x", 6, "stdin"));
    c.add(new Case("not an object", env("ADD", "c1", pod, "eth0"), "[1,2]", 7, "object"));
    c.add(new Case("no cniVersion", env("ADD", "c1", pod, "eth0"), ok.replace("\"cniVersion\":\"1.1.0\",", ""), 1, "cniVersion"));
    c.add(new Case("version 0.2.0", env("ADD", "c1", pod, "eth0"), ok.replace("1.1.0", "0.2.0"), 1, "0.2.0"));
    c.add(new Case("version 2.0.0", env("ADD", "c1", pod, "eth0"), ok.replace("1.1.0", "2.0.0"), 1, "2.0.0"));
    c.add(new Case("version text", env("ADD", "c1", pod, "eth0"), ok.replace("1.1.0", "latest"), 1, "latest"));
    c.add(new Case("CHECK in 0.3.1", env("CHECK", "c1", pod, "eth0"), ok.replace("1.1.0", "0.3.1"), 1, "CHECK"));
    c.add(new Case("GC in 1.0.0", env("GC", null, null, null), ok.replace("1.1.0", "1.0.0"), 1, "GC"));
    c.add(new Case("STATUS in 0.4.0", env("STATUS", null, null, null), ok.replace("1.1.0", "0.4.0"), 1, "STATUS"));
    c.add(new Case("no name", env("ADD", "c1", pod, "eth0"), ok.replace("\"name\":\"wtbad\",", ""), 7, "name"));
    c.add(new Case("bad name", env("ADD", "c1", pod, "eth0"), ok.replace("\"wtbad\"", "\"wt bad\""), 7, "name"));
    c.add(new Case("unknown mode", env("ADD", "c1", pod, "eth0"), Configs.with(ok, "mode", "\"macvlan\""), 7, "mode"));
    c.add(new Case("mode not a string", env("ADD", "c1", pod, "eth0"), Configs.with(ok, "mode", "3"), 7, "mode"));
    c.add(new Case("CIDR /33", env("ADD", "c1", pod, "eth0"), ok.replace("10.101.0.0/24", "10.101.0.0/33"), 7, "subnet"));
    c.add(new Case("CIDR not an address", env("ADD", "c1", pod, "eth0"), ok.replace("10.101.0.0/24", "ten/8"), 7, "subnet"));
    c.add(new Case("no ipam", env("ADD", "c1", pod, "eth0"), "{" + v + "}", 7, "ipam"));
    c.add(new Case("ipam without type", env("ADD", "c1", pod, "eth0"), ok.replace("\"type\":\"weft-ipam\",", ""), 7, "ipam.type"));
    c.add(new Case("ipam without ranges", env("ADD", "c1", pod, "eth0"), "{" + v + ",\"ipam\":{\"type\":\"weft-ipam\"}}", 7, "ranges"));
    c.add(new Case("ipam type not in CNI_PATH", env("ADD", "c1", pod, "eth0"), ok.replace("weft-ipam", "wt-no-such-ipam"), 7, "wt-no-such-ipam"));
    c.add(new Case("mtu too small", env("ADD", "c1", pod, "eth0"), Configs.with(ok, "mtu", "20"), 7, "mtu"));
    c.add(new Case("mtu a string", env("ADD", "c1", pod, "eth0"), Configs.with(ok, "mtu", "\"1500\""), 7, "mtu"));
    c.add(new Case("isGateway not boolean", env("ADD", "c1", pod, "eth0"), ok.replace("\"isGateway\":true", "\"isGateway\":\"yes\""), 7, "isGateway"));
    c.add(new Case("bridge name too long", env("ADD", "c1", pod, "eth0"), ok.replace("wtbr0", "wtbridge01234567"), 7, "bridge"));
    c.add(new Case("hairpin with promisc", env("ADD", "c1", pod, "eth0"), Configs.with(Configs.with(ok, "hairpinMode", "true"), "promiscMode", "true"), 7, "promiscMode"));
    c.add(new Case("vlan", env("ADD", "c1", pod, "eth0"), Configs.with(ok, "vlan", "100"), 2, "vlan"));
    c.add(new Case("runtimeConfig.mac bad", env("ADD", "c1", pod, "eth0"), Configs.with(ok, "runtimeConfig", "{\"mac\":\"zz\"}"), 7, "runtimeConfig.mac"));
    c.add(new Case("runtimeConfig.mac multicast", env("ADD", "c1", pod, "eth0"), Configs.with(ok, "runtimeConfig", "{\"mac\":\"01:00:5e:00:00:01\"}"), 7, "runtimeConfig.mac"));
    c.add(new Case("netns does not exist", env("ADD", "c1", "/run/netns/wt-no-such-ns", "eth0"), ok, 111, "CNI_NETNS"));
    c.add(new Case("overlay without section", env("ADD", "c1", pod, "eth0"), "{" + v + ",\"mode\":\"overlay\"" + ipam + "}", 7, "overlay"));
    c.add(new Case("overlay vni too big", env("ADD", "c1", pod, "eth0"), overlay + ",\"vni\":16777216}}", 7, "overlay.vni"));
    c.add(new Case("overlay port 0", env("ADD", "c1", pod, "eth0"), overlay + ",\"port\":0}}", 7, "overlay.port"));
    c.add(new Case("overlay subnet and pool", env("ADD", "c1", pod, "eth0"), overlay + ",\"clusterPool\":{\"pools\":[\"10.0.0.0/8\"]}}}", 7, "subnet"));
    c.add(new Case("overlay IPv6 local address", env("ADD", "c1", pod, "eth0"), overlay + ",\"localAddress\":\"fd00::1\"}}", 7, "localAddress"));
    c.add(new Case("overlay unknown backend", env("ADD", "c1", pod, "eth0"), overlay + ",\"backend\":\"ipip\"}}", 7, "backend"));
    c.add(new Case("overlay peers file malformed", env("ADD", "c1", pod, "eth0"), overlay + "}}", 113, "peersFile"));
    return c;
  }

  @Test
  void eachMalformedInputGetsItsCodeAndLeavesNothing() throws Exception {
    try (Node node = new Node(LAB, "h", tmp.resolve("d"), true)) {
      Plugin standalone = new Plugin(node.name(), Map.of("WEFT_CNI_STANDALONE", "1"));
      Path peers = tmp.resolve("peers.json");
      Files.writeString(peers, "{\"peers\":[{\"address\":\"not-an-ip\",\"subnet\":\"10.102.2.0/24\"}]}");
      List<Case> cases = cases(node.pod("p"), node.dataDir(), peers);
      assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
      for (Case c : cases) {
        Reply viaDaemon = node.plugin().exec(Plugin.dist("weft"), c.env(), c.stdin());
        Reply alone = standalone.exec(Plugin.dist("weft"), c.env(), c.stdin());
        assertThat(viaDaemon.exit()).as(c.name()).isNotZero();
        assertThat(Json.code(viaDaemon.stdout())).as(c.name() + ": " + viaDaemon.stdout()).isEqualTo(c.code());
        assertThat(Json.parse(viaDaemon.stdout()).get("msg").asString()).as(c.name()).contains(c.mentions());
        assertThat(alone.stdout()).as(c.name() + ": daemon and standalone agree").isEqualTo(viaDaemon.stdout());
        assertThat(alone.exit()).isEqualTo(viaDaemon.exit());
        assertThat(Shell.linkNames(node.name())).as(c.name() + " leaves no link").containsExactly("lo");
        assertThat(node.ipFiles("wtbad")).as(c.name() + " leaves no address").isEmpty();
        assertThat(node.nft()).as(c.name() + " leaves no rule").doesNotContain("weft:");
      }
    }
  }

  @Test
  void exhaustedRangeAndDuplicateInterfaceRollBack() {
    try (Node node = new Node(LAB, "h", tmp.resolve("d"), true)) {
      String tiny = Configs.bridge("1.1.0", "wtbad", "wtbr0", "10.103.0.0/30", node.dataDir(), "\"ipMasq\":true");
      String pod = node.pod("p");
      String first = Json.podAddress(node.plugin().run("ADD", "c1", pod, "eth0", tiny).ok().stdout());
      Reply exhausted = node.plugin().run("ADD", "c2", node.pod("q"), "eth0", tiny);
      assertThat(Json.code(exhausted.stdout())).isEqualTo(100);
      Reply duplicate = node.plugin().run("ADD", "c3", pod, "eth0", tiny);
      assertThat(Json.code(duplicate.stdout())).isEqualTo(110);
      assertThat(node.hostVeths()).hasSize(1);
      assertThat(node.ipFiles("wtbad")).containsExactly(first);
      // STATUS: the range is full, so ADD cannot be served
      assertThat(Json.code(node.plugin().run("STATUS", "", "", "", tiny).stdout())).isEqualTo(50);
      node.plugin().run("DEL", "c1", pod, "eth0", tiny).ok();
      assertThat(node.hostVeths()).isEmpty();
      assertThat(node.ipFiles("wtbad")).isEmpty();
      node.plugin().run("STATUS", "", "", "", tiny).ok();
    }
  }

  static Map<String, String> env(@Nullable String command, @Nullable String id, @Nullable String netns,
      @Nullable String ifName) {
    Map<String, String> env = new LinkedHashMap<>();
    if (command != null) {
      env.put("CNI_COMMAND", command);
    }
    if (id != null) {
      env.put("CNI_CONTAINERID", id);
    }
    if (netns != null) {
      env.put("CNI_NETNS", netns);
    }
    if (ifName != null) {
      env.put("CNI_IFNAME", ifName);
    }
    env.put("CNI_PATH", "/usr/lib/cni");
    return env;
  }

  static Map<String, String> with(Map<String, String> env, String key, String value) {
    Map<String, String> out = new LinkedHashMap<>(env);
    out.put(key, value);
    return out;
  }

  static Map<String, String> without(Map<String, String> env, String key) {
    Map<String, String> out = new LinkedHashMap<>(env);
    out.remove(key);
    return out;
  }
}
