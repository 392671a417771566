package dev.weft.cni.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cni.protocol.json.JsonParser;
import dev.weft.cni.protocol.json.JsonValue.JsonObject;
import dev.weft.cni.protocol.result.CniResult;
import dev.weft.cni.protocol.result.Dns;
import dev.weft.cni.protocol.result.IpConfig;
import dev.weft.model.value.InterfaceAddress;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CniDispatcherTest {

  /** Records calls; ADD returns one address, DEL fails for container "bad". */
  static class RecordingPlugin implements CniPlugin {
    final List<String> calls = new ArrayList<>();

    @Override
    public CniResult add(CniRequest r) {
      calls.add("ADD " + r.attachment());
      return CniResult.ipam(List.of(IpConfig.of(InterfaceAddress.parse("10.0.0.2/24"), Optional.empty())),
          List.of(), Dns.EMPTY);
    }

    @Override
    public void del(CniRequest r) throws CniException {
      calls.add("DEL " + r.attachment());
      if (r.attachment().containerId().equals("bad")) {
        throw new CniException(ErrorCode.PluginCode.ADDRESS_EXHAUSTED, "range 10.0.0.0/24 is full", "more");
      }
    }

    @Override
    public void check(CniRequest r) {
      calls.add("CHECK");
    }

    @Override
    public void gc(CniRequest r) {
      calls.add("GC " + r.config().validAttachments().orElseThrow());
    }

    @Override
    public void status(CniRequest r) {
      calls.add("STATUS");
    }

    @Override
    public String about() {
      return "test-plugin 0";
    }
  }

  record Outcome(int exit, String stdout) {
    JsonObject json() throws Exception {
      return (JsonObject) JsonParser.parse(stdout);
    }
  }

  final RecordingPlugin plugin = new RecordingPlugin();

  Outcome run(String stdin, String... kv) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      env.put(kv[i], kv[i + 1]);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = new CniDispatcher(plugin, CniLog.silent())
        .run(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out);
    return new Outcome(code, out.toString(StandardCharsets.UTF_8));
  }

  static String config(String version) {
    return "{\"cniVersion\":\"" + version + "\",\"name\":\"net\",\"type\":\"x\"}";
  }

  @Test
  void addPrintsTheResultInTheRequestedVersion() throws Exception {
    Outcome o = run(config("0.3.1"), "CNI_COMMAND", "ADD", "CNI_CONTAINERID", "c1", "CNI_NETNS", "/run/netns/a",
        "CNI_IFNAME", "eth0");
    assertThat(o.exit()).isZero();
    assertThat(o.stdout()).isEqualTo(
        "{\"cniVersion\":\"0.3.1\",\"ips\":[{\"version\":\"4\",\"address\":\"10.0.0.2/24\"}],\"dns\":{}}\n");
    assertThat(plugin.calls).containsExactly("ADD c1/eth0");
  }

  @Test
  void delPrintsNothingOnSuccessAndErrorJsonOnFailure() throws Exception {
    Outcome ok = run(config("1.0.0"), "CNI_COMMAND", "DEL", "CNI_CONTAINERID", "c1", "CNI_IFNAME", "eth0");
    assertThat(ok.exit()).isZero();
    assertThat(ok.stdout()).isEmpty();
    Outcome bad = run(config("1.0.0"), "CNI_COMMAND", "DEL", "CNI_CONTAINERID", "bad", "CNI_IFNAME", "eth0");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.stdout()).isEqualTo(
        "{\"cniVersion\":\"1.0.0\",\"code\":100,\"msg\":\"range 10.0.0.0/24 is full\",\"details\":\"more\"}\n");
  }

  @Test
  void gcAndStatusNeed110() throws Exception {
    Outcome old = run(config("1.0.0"), "CNI_COMMAND", "GC", "CNI_PATH", "/opt/cni/bin");
    assertThat(old.exit()).isEqualTo(1);
    assertThat(old.json().get("code")).hasValueSatisfying(v -> assertThat(v.toJson()).isEqualTo("1"));
    assertThat(run(config("0.4.0"), "CNI_COMMAND", "STATUS").json().get("code").orElseThrow().toJson()).isEqualTo("1");
    String gc = "{\"cniVersion\":\"1.1.0\",\"name\":\"net\",\"cni.dev/valid-attachments\":[{\"containerID\":\"c\",\"ifname\":\"eth0\"}]}";
    assertThat(run(gc, "CNI_COMMAND", "GC", "CNI_PATH", "/opt/cni/bin").exit()).isZero();
    assertThat(run(config("1.1.0"), "CNI_COMMAND", "STATUS").exit()).isZero();
    assertThat(plugin.calls).containsExactly("GC [c/eth0]", "STATUS");
  }

  @Test
  void checkNeeds040() throws Exception {
    Outcome o = run(config("0.3.1"), "CNI_COMMAND", "CHECK", "CNI_CONTAINERID", "c", "CNI_NETNS", "/n",
        "CNI_IFNAME", "eth0");
    assertThat(o.json().get("code").orElseThrow().toJson()).isEqualTo("1");
    assertThat(plugin.calls).isEmpty();
  }

  @Test
  void versionAnswersInTheAskedVersion() throws Exception {
    Outcome o = run("{\"cniVersion\":\"0.4.0\"}", "CNI_COMMAND", "VERSION");
    assertThat(o.exit()).isZero();
    assertThat(o.stdout()).isEqualTo(
        "{\"cniVersion\":\"0.4.0\",\"supportedVersions\":[\"0.3.0\",\"0.3.1\",\"0.4.0\",\"1.0.0\",\"1.1.0\"]}\n");
    assertThat(run("", "CNI_COMMAND", "VERSION").json().get("cniVersion").orElseThrow().toJson())
        .isEqualTo("\"1.1.0\"");
  }

  @Test
  void unknownCommandIsCode4AndBadStdinIsCode6() throws Exception {
    assertThat(run(config("1.1.0"), "CNI_COMMAND", "NOPE").json().get("code").orElseThrow().toJson()).isEqualTo("4");
    Outcome broken = run("{\"cniVersion\":\"1.0.0\",", "CNI_COMMAND", "DEL", "CNI_CONTAINERID", "c", "CNI_IFNAME", "e");
    assertThat(broken.exit()).isEqualTo(1);
    assertThat(broken.json().get("code").orElseThrow().toJson()).isEqualTo("6");
    assertThat(broken.json().get("cniVersion").orElseThrow().toJson()).isEqualTo("\"1.1.0\"");
  }

  @Test
  void errorsUseTheConfigVersionWhenKnown() throws Exception {
    Outcome o = run(config("0.4.0"), "CNI_COMMAND", "ADD", "CNI_CONTAINERID", "-bad", "CNI_NETNS", "/n",
        "CNI_IFNAME", "eth0");
    assertThat(o.json().get("code").orElseThrow().toJson()).isEqualTo("4");
    assertThat(o.json().get("cniVersion").orElseThrow().toJson()).isEqualTo("\"0.4.0\"");
  }

  @Test
  void unexpectedExceptionsBecomeInternalErrors() throws Exception {
    CniPlugin broken = new RecordingPlugin() {
      @Override
      public void check(CniRequest r) {
        throw new IllegalStateException("boom");
      }
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Map<String, String> env = Map.of("CNI_COMMAND", "CHECK", "CNI_CONTAINERID", "c", "CNI_NETNS", "/n",
        "CNI_IFNAME", "eth0");
    int code = new CniDispatcher(broken, CniLog.silent())
        .run(env, new ByteArrayInputStream(config("1.0.0").getBytes(StandardCharsets.UTF_8)), out);
    assertThat(code).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"code\":999", "boom");
  }
}
