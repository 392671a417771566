package dev.weft.cni.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.cni.bridge.BridgeOptions;
import dev.weft.cni.overlay.OverlayOptions;
import dev.weft.cni.protocol.CniException;
import dev.weft.cni.protocol.ErrorCode;
import dev.weft.cni.protocol.NetworkConfig;
import dev.weft.model.value.Cidr;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PluginConfigParserTest {
  static ModeConfig parse(String members) throws CniException {
    String json = "{\"cniVersion\":\"1.1.0\",\"name\":\"n1\",\"type\":\"weft\"" + (members.isEmpty() ? "" : "," + members) + "}";
    return PluginConfigParser.parse(NetworkConfig.parse(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void bridgeIsTheDefaultWithTheReferenceDefaults() throws CniException {
    BridgeOptions b = ((ModeConfig.Bridge) parse("")).bridge();
    assertThat(b.bridge().value()).isEqualTo("cni0");
    assertThat(b.isGateway()).isFalse();
    assertThat(b.ipMasq()).isFalse();
    assertThat(b.enableDad()).isFalse();
    assertThat(b.mtu()).isEmpty();
  }

  @Test
  void isDefaultGatewayImpliesIsGateway() throws CniException {
    BridgeOptions b = ((ModeConfig.Bridge) parse("\"isDefaultGateway\":true,\"mtu\":1400,\"bridge\":\"br9\"")).bridge();
    assertThat(b.isGateway()).isTrue();
    assertThat(b.mtu().orElseThrow().value()).isEqualTo(1400);
    assertThat(b.bridge().value()).isEqualTo("br9");
  }

  @Test
  void overlayDefaultsFollowFlannel() throws CniException {
    ModeConfig.Overlay o = (ModeConfig.Overlay) parse(
        "\"mode\":\"overlay\",\"overlay\":{\"peersFile\":\"/p.json\",\"subnet\":\"10.244.3.0/24\"}");
    OverlayOptions ov = o.overlay();
    assertThat(ov.vni().value()).isEqualTo(1);
    assertThat(ov.port()).isEqualTo(8472);
    assertThat(ov.backend()).isEqualTo(OverlayOptions.Backend.VXLAN);
    assertThat(ov.nodeSubnet()).isEqualTo(new OverlayOptions.NodeSubnetSource.Fixed(Cidr.parse("10.244.3.0/24")));
    assertThat(o.bridge().isDefaultGateway()).as("an overlay node routes for its pods").isTrue();
  }

  @Test
  void errorsNameTheField() {
    assertThatThrownBy(() -> parse("\"mode\":\"macvlan\"")).isInstanceOf(CniException.class)
        .hasMessageContaining("mode").hasMessageContaining("macvlan")
        .satisfies(e -> assertThat(((CniException) e).code()).isEqualTo(ErrorCode.Standard.INVALID_NETWORK_CONFIG));
    assertThatThrownBy(() -> parse("\"mode\":\"overlay\",\"overlay\":{\"peersFile\":\"/p\",\"subnet\":\"10.0.0.0/24\",\"vni\":-1}"))
        .hasMessageContaining("overlay.vni");
    assertThatThrownBy(() -> parse("\"mtu\":\"big\"")).hasMessageContaining("mtu").hasMessageContaining("big");
    assertThatThrownBy(() -> parse("\"vlan\":7")).satisfies(
        e -> assertThat(((CniException) e).code()).isEqualTo(ErrorCode.Standard.UNSUPPORTED_FIELD));
  }
}
