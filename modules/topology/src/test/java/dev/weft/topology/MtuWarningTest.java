package dev.weft.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.document.Diagnostic;
import dev.weft.document.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An inner MTU too large for its overlay is a warning that states the computed limit; the load still succeeds. */
class MtuWarningTest {
  private final TopologyLoader loader = new TopologyLoader();

  private static String twoHosts(String overlay, int bridgeMtu, int underlayMtu) {
    return """
        name: mtu
        underlay: {mtu: %d}
        hosts:
          - {name: h1, underlay: 10.0.0.1/24, bridges: [{name: br0, gateway: 10.1.0.1/24, mtu: %d}]}
          - {name: h2, underlay: 10.0.0.2/24, bridges: [{name: br0, gateway: 10.1.0.2/24, mtu: %d}]}
        overlays:
          - {name: o, %s, members: [{host: h1, bridge: br0}, {host: h2, bridge: br0}]}
        """.formatted(underlayMtu, bridgeMtu, bridgeMtu, overlay);
  }

  @Test
  void vxlanOverA1500ByteUnderlayCarries1450() {
    TopologyLoad load = loader.load("mtu.yaml", twoHosts("type: vxlan, vni: 1", 1500, 1500));
    assertThat(load).isInstanceOf(TopologyLoad.Loaded.class);
    List<Diagnostic> warnings = load.diagnostics();
    assertThat(warnings).hasSize(2).allSatisfy(w -> {
      assertThat(w.severity()).isEqualTo(Severity.WARNING);
      assertThat(w.kind()).isEqualTo(TopologyProblem.MTU_TOO_LARGE);
      assertThat(w.message()).contains("MTU 1500").contains("at most 1450");
      assertThat(w.expected()).hasValue("mtu: 1450 or less");
    });
    assertThat(loader.load("ok.yaml", twoHosts("type: vxlan, vni: 1", 1450, 1500)).diagnostics()).isEmpty();
  }

  @Test
  void greLimitFollowsItsOverheadAndJumboUnderlaysLeaveRoom() {
    assertThat(loader.load("gre.yaml", twoHosts("type: gre, key: 7", 1500, 1500)).diagnostics())
        .allSatisfy(w -> assertThat(w.message()).contains("at most 1458"));
    assertThat(loader.load("jumbo.yaml", twoHosts("type: vxlan, vni: 1", 1500, 9000)).diagnostics()).isEmpty();
  }
}
