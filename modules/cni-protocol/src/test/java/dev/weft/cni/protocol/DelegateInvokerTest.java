package dev.weft.cni.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.cni.protocol.result.CniResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delegation to fake plugins (shell scripts) that echo their environment and stdin. */
class DelegateInvokerTest {
  @TempDir Path bin;

  private void plugin(String name, String script) throws Exception {
    Path p = bin.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + script);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private CniEnvironment env(String command) throws CniException {
    return CniEnvironment.parse(Map.of("CNI_COMMAND", command, "CNI_CONTAINERID", "c1", "CNI_NETNS", "/run/netns/x",
        "CNI_IFNAME", "eth0", "CNI_PATH", "/nonexistent:" + bin, "CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAME=p"));
  }

  @Test
  void passesEnvironmentAndConfigAndParsesTheResult() throws Exception {
    plugin("fake-ipam", """
        cat > "$(dirname "$0")/stdin.seen"
        echo "$CNI_COMMAND $CNI_CONTAINERID $CNI_NETNS $CNI_IFNAME $CNI_ARGS $CNI_PATH" > "$(dirname "$0")/env.seen"
        echo '{"cniVersion":"0.4.0","ips":[{"version":"4","address":"10.1.0.5/24","gateway":"10.1.0.1"}]}'
        """);
    byte[] config = "{\"cniVersion\":\"0.4.0\",\"name\":\"n\"}".getBytes(StandardCharsets.UTF_8);
    CniResult r = new DelegateInvoker().add("fake-ipam", env("ADD"), config);
    assertThat(r.ips()).hasSize(1);
    assertThat(r.ips().getFirst().address().toString()).isEqualTo("10.1.0.5/24");
    assertThat(Files.readString(bin.resolve("stdin.seen"))).isEqualTo(new String(config, StandardCharsets.UTF_8));
    assertThat(Files.readString(bin.resolve("env.seen")).strip())
        .isEqualTo("ADD c1 /run/netns/x eth0 IgnoreUnknown=1;K8S_POD_NAME=p /nonexistent:" + bin);
  }

  @Test
  void aDelegatesErrorKeepsItsCode() throws Exception {
    plugin("full-ipam", "echo '{\"cniVersion\":\"1.0.0\",\"code\":100,\"msg\":\"range full\",\"details\":\"d\"}'; exit 1\n");
    assertThatThrownBy(() -> new DelegateInvoker().invoke("full-ipam", CniCommand.DEL, env("DEL"), new byte[0]))
        .isInstanceOfSatisfying(CniException.class, e -> {
          assertThat(e.code().value()).isEqualTo(100);
          assertThat(e.getMessage()).isEqualTo("range full");
          assertThat(e.details()).isEqualTo("d");
        });
  }

  @Test
  void aDelegateThatDoesNotSpeakCniIsAnInternalError() throws Exception {
    plugin("broken", "echo 'panic: oops' >&2; exit 2\n");
    assertThatThrownBy(() -> new DelegateInvoker().invoke("broken", CniCommand.ADD, env("ADD"), new byte[0]))
        .isInstanceOfSatisfying(CniException.class, e -> {
          assertThat(e.code().value()).isEqualTo(999);
          assertThat(e.getMessage()).contains("panic: oops");
        });
  }

  @Test
  void aMissingOrPathLikeTypeIsAConfigError() {
    assertThatThrownBy(() -> new DelegateInvoker().invoke("nope", CniCommand.ADD, env("ADD"), new byte[0]))
        .isInstanceOfSatisfying(CniException.class, e -> assertThat(e.getMessage()).contains("failed to find plugin \"nope\""));
    assertThatThrownBy(() -> new DelegateInvoker().invoke("../bin/sh", CniCommand.ADD, env("ADD"), new byte[0]))
        .hasMessageContaining("plain file name");
  }
}
