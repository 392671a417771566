package dev.weft.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.ipam.testing.CniExec;
import dev.weft.ipam.testing.CniExec.Reply;
import dev.weft.ipam.testing.Privileged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference bridge plugin delegating to weft-ipam, as a runtime would run it. An emulated host is a
 * network namespace made here (the bridge and its gateway address live there, not in the root
 * namespace), and the pod is a second one; both are deleted in {@code finally}, which removes the bridge
 * and the veth pair with them.
 */
class BridgeChainIT {
  @TempDir Path tmp;

  private static Reply ip(String... args) throws Exception {
    return CniExec.run(List.of(prepend("ip", args)), Map.of(), "");
  }

  private static String[] prepend(String first, String[] rest) {
    String[] out = new String[rest.length + 1];
    out[0] = first;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }

  @Test
  void bridgeWithWeftIpamAddsChecksAndDeletesInARealNamespace() throws Exception {
    Privileged.require();
    String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    String hostNs = "wth" + id;
    String podNs = "wtp" + id;
    Path bin = Files.createDirectories(tmp.resolve("cni/bin"));
    Files.createSymbolicLink(tmp.resolve("cni/lib"), CniExec.weftIpam().getParent().resolve("../lib").normalize());
    Files.copy(Path.of("/usr/lib/cni/bridge"), bin.resolve("bridge"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(CniExec.weftIpam(), bin.resolve("weft-ipam"), StandardCopyOption.COPY_ATTRIBUTES);
    String config = "{\"cniVersion\":\"1.0.0\",\"name\":\"wtchain" + id + "\",\"type\":\"bridge\",\"bridge\":\"wtbr" + id
        + "\",\"isGateway\":true,\"ipMasq\":false,\"ipam\":{\"type\":\"weft-ipam\",\"dataDir\":\"" + tmp.resolve("data")
        + "\",\"ranges\":[[{\"subnet\":\"10.199.0.0/24\"}]],\"routes\":[{\"dst\":\"0.0.0.0/0\"}]}}";
    try {
      ip("netns", "add", hostNs).ok();
      ip("netns", "add", podNs).ok();
      Reply add = bridge(hostNs, "ADD", podNs, id, bin, config).ok();
      assertThat(add.stdout()).contains("\"interfaces\"", "\"address\": \"10.199.0.2/24\"", "\"gateway\": \"10.199.0.1\"",
          "\"sandbox\": \"/run/netns/" + podNs + "\"");
      assertThat(Files.readString(tmp.resolve("data/wtchain" + id + "/10.199.0.2"))).isEqualTo("ctr" + id + "\r\neth0");

      assertThat(ip("-n", podNs, "-o", "addr", "show", "dev", "eth0").ok().stdout()).contains("inet 10.199.0.2/24");
      assertThat(ip("-n", podNs, "route", "show", "default").ok().stdout()).contains("via 10.199.0.1");
      assertThat(ip("-n", hostNs, "-o", "addr", "show", "dev", "wtbr" + id).ok().stdout()).contains("inet 10.199.0.1/24");
      // reachability without ping: a TCP SYN to a closed port of the gateway is answered with a RST
      Reply probe = CniExec.run(List.of("ip", "netns", "exec", podNs, "timeout", "5", "bash", "-c",
          "echo > /dev/tcp/10.199.0.1/9"), Map.of(), "");
      assertThat(probe.stderr()).contains("Connection refused");

      String withPrev = config.replaceFirst("\\{", "{\"prevResult\":" + add.stdout() + ",");
      bridge(hostNs, "CHECK", podNs, id, bin, withPrev).ok();

      bridge(hostNs, "DEL", podNs, id, bin, withPrev).ok();
      assertThat(tmp.resolve("data/wtchain" + id + "/10.199.0.2")).doesNotExist();
      bridge(hostNs, "DEL", podNs, id, bin, withPrev).ok(); // DEL is idempotent
    } finally {
      ip("netns", "del", podNs);
      ip("netns", "del", hostNs);
    }
    assertThat(ip("netns", "list").stdout()).doesNotContain(hostNs, podNs);
  }

  private static Reply bridge(String hostNs, String command, String podNs, String id, Path bin, String config)
      throws Exception {
    Map<String, String> env = new HashMap<>(Map.of("CNI_COMMAND", command, "CNI_CONTAINERID", "ctr" + id,
        "CNI_NETNS", "/run/netns/" + podNs, "CNI_IFNAME", "eth0", "CNI_PATH", bin.toString()));
    return CniExec.run(List.of("ip", "netns", "exec", hostNs, bin.resolve("bridge").toString()), env, config);
  }
}
