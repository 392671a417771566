package dev.weft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.value.Name;
import dev.weft.sim.reach.ReachCell;
import dev.weft.sim.reach.ReachMatrix;
import dev.weft.sim.reach.ReachRequest;
import dev.weft.sim.render.ReachRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matrix's renderings and its pcap output. */
class ReachOutputTest {
  private final Simulator sim = Simulator.of(Topologies.hostAndNone());
  private final ReachMatrix m = sim.reach(ReachRequest.all());

  @Test
  void theGridIsTheNetpolTruthTable() {
    assertThat(ReachRenderer.grid(m).lines().toList()).containsExactly(
        "reachability tcp/80: 9 of 16 pairs reachable",
        "-\thost1\tweb\thostnet\tisolated",
        "host1\t.\t.\t.\tX",
        "web\t.\t.\t.\tX",
        "hostnet\t.\t.\t.\tX",
        "isolated\tX\tX\tX\tX");
  }

  @Test
  void csvHasOneLinePerCellWithTheReason() {
    List<String> lines = ReachRenderer.csv(m).lines().toList();
    assertThat(lines).hasSize(1 + 16);
    assertThat(lines.getFirst()).isEqualTo("from,to,reachable,outcome,cause,at,reason");
    assertThat(lines).contains("web,host1,true,DELIVERED,,host1,delivered");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("isolated,web,false,DROPPED,NO_ROUTE,isolated,"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("web,isolated,false,DROPPED,NO_SUCH_ADDRESS,"));
  }

  @Test
  void explainSaysWhyEachBlockedCellIsBlocked() {
    String text = ReachRenderer.explain(m);
    assertThat(text).contains("isolated -> web: DROPPED (NO_ROUTE) at isolated: no route to 10.0.0.2 in isolated");
    assertThat(m.blocked()).hasSize(7);
    ReachCell c = m.cell("web", "isolated");
    assertThat(c.cause()).hasValueSatisfying(cause -> assertThat(cause).isEqualTo(DropCause.NO_SUCH_ADDRESS));
  }

  @Test
  void subsetsAndPcapsForTheCellsPackets(@TempDir Path dir) throws Exception {
    ReachMatrix sub = sim.reach(new ReachRequest(List.of(Name.of("web")), List.of(Name.of("host1"), Name.of("hostnet")),
        Protocol.ICMP, 0), dir);
    assertThat(sub.rows()).containsExactly("..");
    assertThat(sub.pcapFiles()).isNotEmpty().allSatisfy(f -> assertThat(Files.size(Path.of(f))).isGreaterThan(24));
  }
}
