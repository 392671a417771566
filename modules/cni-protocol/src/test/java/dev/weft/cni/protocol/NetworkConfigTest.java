package dev.weft.cni.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NetworkConfigTest {

  static NetworkConfig parse(String json) throws CniException {
    return NetworkConfig.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTheKeysTheRuntimeInserts() throws Exception {
    NetworkConfig c = parse("""
        {"cniVersion":"1.1.0","name":"pods","type":"bridge",
         "capabilities":{"ips":true},
         "runtimeConfig":{"ips":["10.0.0.7/24"]},
         "args":{"cni":{"ips":["10.0.0.8"]}},
         "prevResult":{"cniVersion":"1.1.0","ips":[]},
         "cni.dev/valid-attachments":[{"containerID":"c1","ifname":"eth0"}],
         "ipam":{"type":"weft-ipam"}}
        """);
    assertThat(c.cniVersion()).isEqualTo(CniVersion.V1_1_0);
    assertThat(c.name()).isEqualTo("pods");
    assertThat(c.type()).isEqualTo("bridge");
    assertThat(c.capabilities()).containsEntry("ips", true);
    assertThat(c.runtimeConfig().has("ips")).isTrue();
    assertThat(c.args().has("cni")).isTrue();
    assertThat(c.prevResult()).isPresent();
    assertThat(c.validAttachments()).contains(java.util.List.of(new Attachment("c1", "eth0")));
    assertThat(c.ipam()).isPresent();
  }

  @Test
  void fallsBackToTheOldAttachmentsKey() throws Exception {
    NetworkConfig c = parse("""
        {"cniVersion":"1.1.0","name":"n","cni.dev/attachments":[{"containerID":"c2","ifname":"net1"}]}
        """);
    assertThat(c.validAttachments()).contains(java.util.List.of(new Attachment("c2", "net1")));
    assertThat(parse("{\"cniVersion\":\"1.1.0\",\"name\":\"n\"}").validAttachments()).isEmpty();
  }

  @Test
  void malformedJsonIsCode6WithPosition() {
    assertThatThrownBy(() -> parse("{\"cniVersion\": \"1.1.0\",\n \"name\": }"))
        .isInstanceOfSatisfying(CniException.class, e -> {
          assertThat(e.code().value()).isEqualTo(6);
          assertThat(e.getMessage()).contains("line 2, column 10");
        });
  }

  @Test
  void unsupportedOrMissingVersionIsCode1() {
    assertThatThrownBy(() -> parse("{\"cniVersion\":\"0.2.0\",\"name\":\"n\"}"))
        .isInstanceOfSatisfying(CniException.class, e -> assertThat(e.code().value()).isEqualTo(1));
    assertThatThrownBy(() -> parse("{\"name\":\"n\"}"))
        .isInstanceOfSatisfying(CniException.class, e -> assertThat(e.code().value()).isEqualTo(1));
    assertThatThrownBy(() -> parse("{\"cniVersion\":\"1.1\",\"name\":\"n\"}"))
        .isInstanceOfSatisfying(CniException.class, e -> assertThat(e.code().value()).isEqualTo(1));
  }

  @Test
  void wrongTypesAreCode7NamingTheField() {
    assertThatThrownBy(() -> parse("{\"cniVersion\":\"1.1.0\",\"name\":\"n\",\"capabilities\":{\"ips\":\"yes\"}}"))
        .isInstanceOfSatisfying(CniException.class, e -> {
          assertThat(e.code().value()).isEqualTo(7);
          assertThat(e.getMessage()).contains("capabilities.ips", "expected true or false", "\"yes\"");
        });
    assertThatThrownBy(() -> parse("{\"cniVersion\":\"1.1.0\",\"name\":\"n\",\"cni.dev/valid-attachments\":[{\"ifname\":\"e\"}]}"))
        .hasMessageContaining("cni.dev/valid-attachments[0].containerID: missing");
  }

  @Test
  void networkNamesMustBeSafeAsDirectoryNames() {
    assertThatThrownBy(() -> parse("{\"cniVersion\":\"1.1.0\",\"name\":\"../etc\"}"))
        .isInstanceOfSatisfying(CniException.class, e -> {
          assertThat(e.code().value()).isEqualTo(7);
          assertThat(e.getMessage()).contains("name");
        });
  }
}
