package dev.weft.ipam.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cni.protocol.CniDispatcher;
import dev.weft.cni.protocol.CniLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin through the CNI dispatcher, on a real on-disk store in a temporary data dir. */
class WeftIpamPluginTest {
  @TempDir Path data;

  record Out(int exit, String stdout) {}

  String config(String version, String ipamExtra) {
    return "{\"cniVersion\":\"" + version + "\",\"name\":\"wtnet\",\"type\":\"bridge\",\"ipam\":{\"type\":\"weft-ipam\","
        + "\"dataDir\":\"" + data + "\",\"ranges\":[[{\"subnet\":\"10.5.0.0/29\"}]]" + ipamExtra + "}}";
  }

  Out run(String stdin, String command, String containerId, String... extraEnv) {
    Map<String, String> env = new HashMap<>(Map.of("CNI_COMMAND", command, "CNI_CONTAINERID", containerId,
        "CNI_NETNS", "/proc/self/ns/net", "CNI_IFNAME", "eth0", "CNI_PATH", "/usr/lib/cni"));
    for (int i = 0; i < extraEnv.length; i += 2) {
      env.put(extraEnv[i], extraEnv[i + 1]);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = new CniDispatcher(new WeftIpamPlugin(CniLog.silent()), CniLog.silent())
        .run(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out);
    return new Out(code, out.toString(StandardCharsets.UTF_8).strip());
  }

  Path store() {
    return data.resolve("wtnet");
  }

  @Test
  void addWritesHostLocalFilesAndReturnsTheAbbreviatedResult() throws Exception {
    Out o = run(config("1.0.0", ""), "ADD", "c1");
    assertThat(o.exit()).isZero();
    assertThat(o.stdout()).isEqualTo(
        "{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"10.5.0.2/29\",\"gateway\":\"10.5.0.1\"}],\"dns\":{}}");
    assertThat(Files.readString(store().resolve("10.5.0.2"))).isEqualTo("c1\r\neth0");
    assertThat(Files.readString(store().resolve("last_reserved_ip.0"))).isEqualTo("10.5.0.2");
    assertThat(Files.exists(store().resolve("lock"))).isTrue();
  }

  @Test
  void rendersIpVersionFor031() {
    assertThat(run(config("0.3.1", ""), "ADD", "c1").stdout()).contains("{\"version\":\"4\",\"address\":\"10.5.0.2/29\"");
  }

  @Test
  void exhaustionIsPluginCode100NamingTheRange() {
    for (int i = 0; i < 5; i++) { // .2 .. .6 (.1 gateway, .7 broadcast)
      assertThat(run(config("1.1.0", ""), "ADD", "c" + i).exit()).isZero();
    }
    Out full = run(config("1.1.0", ""), "ADD", "c9");
    assertThat(full.exit()).isEqualTo(1);
    assertThat(full.stdout()).contains("\"code\":100", "no IP addresses available in range set 0: 10.5.0.1-10.5.0.6");
  }

  @Test
  void requestedAddressesOutsideOrTakenAreRejected() {
    Out outside = run(config("1.0.0", ""), "ADD", "c1", "CNI_ARGS", "ip=10.6.0.2");
    assertThat(outside.stdout()).contains("\"code\":101", "10.6.0.2", "not in any range set");
    Out gateway = run(config("1.0.0", ""), "ADD", "c1", "CNI_ARGS", "ip=10.5.0.1");
    assertThat(gateway.stdout()).contains("\"code\":101", "gateway");
    assertThat(run(config("1.0.0", ""), "ADD", "c1", "CNI_ARGS", "ip=10.5.0.4").stdout()).contains("10.5.0.4/29");
    Out taken = run(config("1.0.0", ""), "ADD", "c2", "CNI_ARGS", "ip=10.5.0.4");
    assertThat(taken.stdout()).contains("\"code\":102", "10.5.0.4", "c1/eth0");
    Out twice = run(config("1.0.0", ""), "ADD", "c1");
    assertThat(twice.stdout()).contains("\"code\":103");
  }

  @Test
  void badConfigIsCode7NamingTheField() {
    String bad = "{\"cniVersion\":\"1.0.0\",\"name\":\"wtnet\",\"ipam\":{\"dataDir\":\"" + data
        + "\",\"ranges\":[[{\"subnet\":\"10.5.0.0/24\",\"rangeEnd\":\"10.6.0.1\"}]]}}";
    Out o = run(bad, "ADD", "c1");
    assertThat(o.stdout()).contains("\"code\":7", "ipam.ranges[0][0].rangeEnd");
  }

  @Test
  void delIsIdempotentAndFreesTheAddress() throws Exception {
    run(config("1.0.0", ""), "ADD", "c1");
    assertThat(run(config("1.0.0", ""), "DEL", "c1")).isEqualTo(new Out(0, ""));
    assertThat(run(config("1.0.0", ""), "DEL", "c1")).isEqualTo(new Out(0, ""));
    assertThat(run(config("1.0.0", ""), "DEL", "never-added")).isEqualTo(new Out(0, ""));
    assertThat(Files.exists(store().resolve("10.5.0.2"))).isFalse();
    // round robin: the freed address is not handed out again at once
    assertThat(run(config("1.0.0", ""), "ADD", "c2").stdout()).contains("10.5.0.3/29");
  }

  @Test
  void checkFindsTheAttachmentAndComparesPrevResult() {
    String added = run(config("1.0.0", ""), "ADD", "c1").stdout();
    String withPrev = config("1.0.0", "").replaceFirst("\\{", "{\"prevResult\":" + added + ",");
    assertThat(run(withPrev, "CHECK", "c1").exit()).isZero();
    assertThat(run(config("1.0.0", ""), "CHECK", "other").stdout()).contains("\"code\":104");
    String wrongPrev = withPrev.replace("10.5.0.2/29", "10.5.0.5/29");
    assertThat(run(wrongPrev, "CHECK", "c1").stdout()).contains("\"code\":104", "10.5.0.5");
  }

  @Test
  void gcReleasesAttachmentsNotInTheValidList() throws Exception {
    run(config("1.1.0", ""), "ADD", "keep");
    run(config("1.1.0", ""), "ADD", "drop");
    String gc = config("1.1.0", "").replaceFirst("\\{",
        "{\"cni.dev/valid-attachments\":[{\"containerID\":\"keep\",\"ifname\":\"eth0\"}],");
    assertThat(run(gc, "GC", "x")).isEqualTo(new Out(0, ""));
    assertThat(Files.readString(store().resolve("10.5.0.2"))).isEqualTo("keep\r\neth0");
    assertThat(Files.exists(store().resolve("10.5.0.3"))).isFalse();
    assertThat(run(config("1.1.0", ""), "GC", "x").stdout()).contains("\"code\":7", "valid-attachments");
  }

  @Test
  void rebootAwareGcReleasesAddressesWhoseNetnsIsGone() throws Exception {
    Path netns = Files.createFile(data.resolve("fake-netns"));
    run(config("1.1.0", ",\"reclaimMissingNetns\":true"), "ADD", "pod", "CNI_NETNS", netns.toString());
    String gc = config("1.1.0", ",\"reclaimMissingNetns\":true").replaceFirst("\\{",
        "{\"cni.dev/valid-attachments\":[{\"containerID\":\"pod\",\"ifname\":\"eth0\"}],");
    run(gc, "GC", "x");
    assertThat(Files.exists(store().resolve("10.5.0.2"))).as("netns exists: kept").isTrue();
    Files.delete(netns);
    run(gc, "GC", "x");
    assertThat(Files.exists(store().resolve("10.5.0.2"))).as("netns gone: released").isFalse();
  }

  @Test
  void statusSucceedsOnAUsableStoreAndIsCode50Otherwise() throws Exception {
    assertThat(run(config("1.1.0", ""), "STATUS", "x")).isEqualTo(new Out(0, ""));
    Files.writeString(data.resolve("blocked"), "a file, not a directory");
    String unusable = config("1.1.0", "").replace("\"dataDir\":\"" + data + "\"",
        "\"dataDir\":\"" + data.resolve("blocked") + "\"");
    assertThat(run(unusable, "STATUS", "x").stdout()).contains("\"code\":50");
  }

  @Test
  void statusIsCode50WhenARangeSetIsFull() {
    for (int i = 0; i < 5; i++) {
      assertThat(run(config("1.1.0", ""), "STATUS", "x").exit()).isZero();
      run(config("1.1.0", ""), "ADD", "c" + i);
    }
    assertThat(run(config("1.1.0", ""), "STATUS", "x").stdout()).contains("\"code\":50", "range set 0");
  }

  @Test
  void versionListsEverySupportedVersion() {
    assertThat(run("{\"cniVersion\":\"1.1.0\"}", "VERSION", "x").stdout()).isEqualTo(
        "{\"cniVersion\":\"1.1.0\",\"supportedVersions\":[\"0.3.0\",\"0.3.1\",\"0.4.0\",\"1.0.0\",\"1.1.0\"]}");
  }
}
