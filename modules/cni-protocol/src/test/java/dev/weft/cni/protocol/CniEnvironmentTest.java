package dev.weft.cni.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CniEnvironmentTest {

  private static Map<String, String> env(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void addNeedsContainerIdNetnsAndIfnameAndNamesAllMissing() {
    assertThatThrownBy(() -> CniEnvironment.parse(env("CNI_COMMAND", "ADD")))
        .isInstanceOfSatisfying(CniException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.Standard.INVALID_ENVIRONMENT);
          assertThat(e.getMessage()).contains("CNI_CONTAINERID", "CNI_NETNS", "CNI_IFNAME");
        });
  }

  @Test
  void delDoesNotNeedNetns() throws Exception {
    CniEnvironment e = CniEnvironment.parse(env("CNI_COMMAND", "DEL", "CNI_CONTAINERID", "c1", "CNI_IFNAME", "eth0"));
    assertThat(e.netns()).isEmpty();
    assertThat(e.requireIfName().value()).isEqualTo("eth0");
  }

  @Test
  void gcNeedsPathOnly() throws Exception {
    assertThatThrownBy(() -> CniEnvironment.parse(env("CNI_COMMAND", "GC"))).hasMessageContaining("CNI_PATH");
    CniEnvironment e = CniEnvironment.parse(env("CNI_COMMAND", "GC", "CNI_PATH", "/opt/cni/bin::/usr/lib/cni"));
    assertThat(e.path()).containsExactly(Path.of("/opt/cni/bin"), Path.of("/usr/lib/cni"));
  }

  @Test
  void versionAndStatusNeedNothing() throws Exception {
    assertThat(CniEnvironment.parse(env("CNI_COMMAND", "VERSION")).command()).isEqualTo(CniCommand.VERSION);
    assertThat(CniEnvironment.parse(env("CNI_COMMAND", "STATUS")).command()).isEqualTo(CniCommand.STATUS);
  }

  @Test
  void unknownOrMissingCommandIsCode4() {
    assertThatThrownBy(() -> CniEnvironment.parse(env("CNI_COMMAND", "FROB")))
        .isInstanceOfSatisfying(CniException.class, e -> {
          assertThat(e.code().value()).isEqualTo(4);
          assertThat(e.getMessage()).contains("FROB");
        });
    assertThatThrownBy(() -> CniEnvironment.parse(env())).hasMessageContaining("CNI_COMMAND");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-abc", "_x", "a/b", "a b", "ä1", "a;b"})
  void rejectsMalformedContainerIds(String id) {
    assertThatThrownBy(() -> CniEnvironment.parse(
        env("CNI_COMMAND", "DEL", "CNI_CONTAINERID", id, "CNI_IFNAME", "eth0")))
        .hasMessageContaining("CNI_CONTAINERID");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "9f86d081884c7d65", "pod_1.x-y", "A.B"})
  void acceptsWellFormedContainerIds(String id) throws Exception {
    assertThat(CniEnvironment.parse(env("CNI_COMMAND", "DEL", "CNI_CONTAINERID", id, "CNI_IFNAME", "eth0"))
        .containerId()).contains(id);
  }

  @Test
  void rejectsBadInterfaceNames() {
    assertThatThrownBy(() -> CniEnvironment.parse(env("CNI_COMMAND", "DEL", "CNI_CONTAINERID", "c",
        "CNI_IFNAME", "much-too-long-name0"))).hasMessageContaining("CNI_IFNAME");
  }

  @Test
  void parsesCniArgs() throws Exception {
    CniEnvironment e = CniEnvironment.parse(env("CNI_COMMAND", "ADD", "CNI_CONTAINERID", "c", "CNI_NETNS",
        "/run/netns/x", "CNI_IFNAME", "eth0",
        "CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=web-0;ip=10.0.0.9"));
    assertThat(e.args().get("ip")).contains("10.0.0.9");
    assertThat(e.args().ignoreUnknown()).isTrue();
    assertThat(e.netns()).contains(Path.of("/run/netns/x"));
  }

  @Test
  void unknownArgsFailUnlessIgnoreUnknown() throws Exception {
    CniArgs strict = CniArgs.parse("ip=10.0.0.1;FOO=bar");
    assertThatThrownBy(() -> strict.checkKnown(List.of("ip")))
        .isInstanceOfSatisfying(CniException.class, e -> assertThat(e.getMessage()).contains("FOO"));
    CniArgs.parse("IgnoreUnknown=true;FOO=bar").checkKnown(List.of("ip"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"novalue", "a=b=c", "=v", "a=1;", ";a=1"})
  void rejectsMalformedArgs(String text) {
    assertThatThrownBy(() -> CniArgs.parse(text)).isInstanceOfSatisfying(CniException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.Standard.INVALID_ENVIRONMENT));
  }
}
