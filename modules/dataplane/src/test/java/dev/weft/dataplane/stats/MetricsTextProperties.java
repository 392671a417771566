package dev.weft.dataplane.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.engine.event.DropReason;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class MetricsTextProperties {

  /** What /metrics renders, the stats client reads back unchanged (names with quotes, backslashes, newlines too). */
  @Property(tries = 500)
  void renderThenReadIsTheIdentity(@ForAll("stats") DataplaneStats stats) {
    String text = PrometheusText.render(stats);
    DataplaneStats back = StatsReader.read(new MetricsParser("metrics").parse(text));
    assertThat(back).isEqualTo(stats);
  }

  @Provide
  Arbitrary<DataplaneStats> stats() {
    Arbitrary<String> names = Arbitraries.strings().withChars("abz09-:/._\"\\\n {}=,").ofMinLength(1).ofMaxLength(20);
    Arbitrary<Long> counts = Arbitraries.longs().between(0, 1L << 52);
    Arbitrary<Map<DropReason, Long>> drops = Arbitraries.maps(Arbitraries.of(DropReason.class), counts.filter(n -> n > 0))
        .ofMaxSize(4).map(m -> m.isEmpty() ? Map.of() : new EnumMap<>(m));
    Arbitrary<PortStats> port = Combinators.combine(names, Arbitraries.of("tap", "underlay", "internal"), counts, counts,
        counts, counts, counts, drops).as(PortStats::new);
    Arbitrary<List<PortStats>> ports = port.list().ofMaxSize(5).uniqueElements(PortStats::port);
    return Combinators.combine(names, ports, counts, counts).as(DataplaneStats::new);
  }

  @Test
  void badLinesNameTheLineAndColumn() {
    MetricsParser parser = new MetricsParser("m.txt");
    assertThatThrownBy(() -> parser.parse("# ok\nweft_x{host=\"a\" 1\n"))
        .isInstanceOf(MetricsFormatException.class).hasMessageStartingWith("m.txt:2:").hasMessageContaining("expected");
    assertThatThrownBy(() -> parser.parse("weft_x{host=\"a\"} one"))
        .isInstanceOfSatisfying(MetricsFormatException.class, e -> {
          assertThat(e.line()).isEqualTo(1);
          assertThat(e.column()).isEqualTo(18);
        }).hasMessageContaining("a number");
    assertThatThrownBy(() -> parser.parse("weft_x{host=\"a\\q\"} 1")).hasMessageContaining("an escape");
    assertThatThrownBy(() -> parser.parse("1abc 2")).hasMessageContaining("a metric name");
    assertThatThrownBy(() -> parser.parse("x{a=\"1\",a=\"2\"} 2")).hasMessageContaining("label a only once");
  }

  @Test
  void samplesWithTimestampsAndOtherMetricsAreRead() {
    List<MetricSample> s = new MetricsParser("m").parse("up 1 1700000000000\nweft_dataplane_rx_packets_total"
        + "{host=\"h\",port=\"p\",kind=\"tap\"} 5\n\nprocess_cpu_seconds_total 1.5e3\n");
    assertThat(s).hasSize(3);
    assertThat(s.get(2).value()).isEqualTo(1500.0);
    DataplaneStats stats = StatsReader.read(s);
    assertThat(stats.host()).isEqualTo("h");
    assertThat(stats.port("p").orElseThrow().rxPackets()).isEqualTo(5);
  }

  @Test
  void countersAreReadWhileAnotherThreadWrites() throws InterruptedException {
    PortCounters c = new PortCounters("p", "tap");
    Thread writer = Thread.ofPlatform().start(() -> {
      for (int i = 0; i < 1_000_000; i++) {
        c.received(10);
      }
    });
    List<Long> seen = new ArrayList<>();
    while (writer.isAlive()) {
      seen.add(c.snapshot().rxPackets());
    }
    writer.join();
    assertThat(seen).isSorted();
    assertThat(c.snapshot().rxPackets()).isEqualTo(1_000_000);
    assertThat(c.snapshot().rxBytes()).isEqualTo(10_000_000);
  }
}
