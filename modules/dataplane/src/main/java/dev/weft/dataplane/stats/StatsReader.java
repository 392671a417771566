package dev.weft.dataplane.stats;

import dev.weft.engine.event.DropReason;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the samples of a dataplane's {@code /metrics} back into {@link DataplaneStats}. Samples of other
 * metrics, and drop reasons this build does not know, are skipped, so a newer dataplane can be read.
 */
public final class StatsReader {
  private StatsReader() {}

  private static final class PortBuilder {
    final String port;
    final String kind;
    final long[] values = new long[5];
    final Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);

    PortBuilder(String port, String kind) {
      this.port = port;
      this.kind = kind;
    }

    PortStats build() {
      return new PortStats(port, kind, values[0], values[1], values[2], values[3], values[4], drops);
    }
  }

  public static DataplaneStats read(List<MetricSample> samples) {
    String host = "";
    long hits = 0;
    long misses = 0;
    Map<String, PortBuilder> ports = new LinkedHashMap<>();
    for (MetricSample s : samples) {
      host = s.labels().getOrDefault("host", host);
      long value = (long) s.value();
      switch (s.name()) {
        case PrometheusText.CACHE_HITS -> hits = value;
        case PrometheusText.CACHE_MISSES -> misses = value;
        case PrometheusText.RX_PACKETS -> port(ports, s).values[0] = value;
        case PrometheusText.RX_BYTES -> port(ports, s).values[1] = value;
        case PrometheusText.TX_PACKETS -> port(ports, s).values[2] = value;
        case PrometheusText.TX_BYTES -> port(ports, s).values[3] = value;
        case PrometheusText.ERRORS -> port(ports, s).values[4] = value;
        case PrometheusText.DROPS -> {
          PortBuilder p = port(ports, s);
          reason(s.labels().getOrDefault("reason", "")).ifPresent(r -> p.drops.put(r, value));
        }
        default -> { }
      }
    }
    return new DataplaneStats(host, ports.values().stream().map(PortBuilder::build).toList(), hits, misses);
  }

  private static PortBuilder port(Map<String, PortBuilder> ports, MetricSample s) {
    String name = s.labels().getOrDefault("port", "");
    return ports.computeIfAbsent(name, n -> new PortBuilder(n, s.labels().getOrDefault("kind", "")));
  }

  private static Optional<DropReason> reason(String label) {
    try {
      return Optional.of(DropReason.valueOf(label.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }
}
