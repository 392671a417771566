package dev.weft.lab.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.lab.deploy.DeployResult;
import dev.weft.lab.deploy.DestroyResult;
import dev.weft.lab.inspect.InspectReport;
import dev.weft.lab.inspect.NamespaceView;
import dev.weft.lab.probe.Mismatch;
import dev.weft.lab.probe.ProbeCell;
import dev.weft.lab.probe.ProbeMatrix;
import dev.weft.lab.probe.ProbeReport;
import dev.weft.sim.Protocol;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextRenderersTest {
  @Test
  void deployListsEveryChangeOrSaysNothingChanged() {
    DeployResult changed = new DeployResult("lab1", "t", true, List.of("lab1-h1"), List.of("lab1-h1: create namespace (host)"),
        List.of("h1:br0: fdbAgeing 60 s is not applied"), 12);
    assertThat(DeployText.render(changed)).isEqualTo("""
        deployed lab lab1 (topology t): 1 namespaces, 1 changes in 12 ms
          lab1-h1: create namespace (host)
        warning: h1:br0: fdbAgeing 60 s is not applied
        """);
    DeployResult same = new DeployResult("lab1", "t", false, List.of("lab1-h1"), List.of(), List.of(), 3);
    assertThat(DeployText.render(same)).isEqualTo("lab lab1 (topology t) is up to date: nothing changed\n");
    DestroyResult d = new DestroyResult("lab1", List.of("lab1-h1"), List.of("lab1-old"), List.of("elsewhere"), true, 4);
    assertThat(DeployText.render(d)).isEqualTo("""
        destroyed lab lab1: removed 1 namespaces (1 recorded ones were already gone) in 4 ms
          lab1-h1
        warning: left elsewhere alone: it is in the record but does not carry the lab's prefix
        """);
  }

  @Test
  void inspectShowsTheKernelThenTheDrift() {
    NamespaceView v = new NamespaceView("lab1-h1", "host", "h1", List.of("br0 bridge mtu 1500 up"), List.of("10.0.0.1/24 dev br0"),
        List.of(), List.of(), List.of(), List.of());
    InspectReport r = new InspectReport("lab1", Optional.of("t"), Optional.of("/x/t.yaml"), Optional.of("2026-01-01T00:00:00Z"),
        true, List.of(v), Optional.of(List.of("lab1-h1: set br0 mtu 1450 (was 1500)")), List.of());
    assertThat(InspectText.render(r)).isEqualTo("""
        lab lab1 (topology t from /x/t.yaml, deployed 2026-01-01T00:00:00Z): 1 namespaces

        lab1-h1 (host h1)
          links:
            br0 bridge mtu 1500 up
          addresses:
            10.0.0.1/24 dev br0

        drift: 1 differences from the topology (what 'weft deploy' would change):
          lab1-h1: set br0 mtu 1450 (was 1500)
        """);
  }

  @Test
  void probeShowsTheGridAndBothStoriesOfAMismatch() {
    ProbeCell ok = new ProbeCell("a", "b", Protocol.TCP, Optional.of("10.0.0.2"), true, "DELIVERED", true,
        Optional.of("10.0.0.1"), true, true, Optional.of("10.0.0.1"), Optional.empty(), false, List.of());
    ProbeCell bad = new ProbeCell("b", "a", Protocol.TCP, Optional.of("10.0.0.1"), true, "DELIVERED", true,
        Optional.of("10.0.0.2"), false, false, Optional.empty(), Optional.of("timed out after 1000 ms"), false,
        List.of(ProbeCell.Disagreement.DELIVERY, ProbeCell.Disagreement.ANSWER));
    ProbeCell blocked = new ProbeCell("a", "a", Protocol.TCP, Optional.of("10.0.0.1"), false, "DROPPED (POLICY)", false,
        Optional.empty(), false, false, Optional.empty(), Optional.empty(), false, List.of());
    ProbeMatrix m = new ProbeMatrix(Protocol.TCP, 80, List.of("a", "b"), List.of("a", "b"), List.of("X.", "!."),
        List.of(blocked, ok, bad, ok), 1500, 150_000);
    ProbeReport r = new ProbeReport("lab1", "t", List.of(m), List.of(new Mismatch(bad, "Flow: tcp ...\nFinal disposition: DELIVERED",
        List.of("client (probe id 20001): no answer, timed out after 1000 ms"))), List.of(),
        List.of("answers are reported but not compared: h1 translates addresses (nat table)"));
    String text = ProbeText.render(r);
    assertThat(text).startsWith("probe of lab lab1 (topology t): 3 of 4 cells agree with the simulator, 1 mismatches\n");
    assertThat(text).contains("note: answers are reported but not compared: h1 translates addresses (nat table)\n");
    assertThat(text).contains("tcp/80: 3 of 4 agree; simulator 1.50 ms, kernel 150 ms (simulator 100x faster)\n"
        + "-\ta\tb\na\tX\t.\nb\t!\t.\n");
    assertThat(text).contains("tcp b -> a (10.0.0.1): [DELIVERY, ANSWER]\n"
        + "  simulator: DELIVERED, answered, source 10.0.0.2\n"
        + "  kernel:    not delivered, not answered (timed out after 1000 ms)\n"
        + "  simulated trace:\n    Flow: tcp ...\n    Final disposition: DELIVERED\n"
        + "  what the kernel did:\n    client (probe id 20001): no answer, timed out after 1000 ms\n");
    assertThat(r.agrees()).isFalse();
  }
}
