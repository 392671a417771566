package dev.weft.dataplane.stats;

import dev.weft.engine.event.DropReason;
import java.util.Map;

/** The table {@code weft dataplane stats} prints: one row per port, then the drops by reason. */
public final class StatsText {
  private StatsText() {}

  public static String render(DataplaneStats stats) {
    StringBuilder out = new StringBuilder();
    out.append("dataplane on ").append(stats.host()).append('\n');
    int width = Math.max(4, stats.ports().stream().mapToInt(p -> p.port().length()).max().orElse(4));
    String row = "%-" + width + "s  %-8s %12s %14s %12s %14s %8s %8s%n";
    out.append(String.format(row, "PORT", "KIND", "RX PACKETS", "RX BYTES", "TX PACKETS", "TX BYTES", "ERRORS", "DROPS"));
    for (PortStats p : stats.ports()) {
      out.append(String.format(row, p.port(), p.kind(), p.rxPackets(), p.rxBytes(), p.txPackets(), p.txBytes(),
          p.errors(), p.totalDrops()));
    }
    Map<DropReason, Long> drops = stats.dropsByReason();
    out.append("drops:");
    if (drops.isEmpty()) {
      out.append(" none");
    }
    drops.forEach((r, n) -> out.append(' ').append(PrometheusText.label(r)).append('=').append(n));
    out.append('\n');
    out.append("flow cache: ").append(stats.flowCacheHits()).append(" hits, ").append(stats.flowCacheMisses())
        .append(" misses\n");
    return out.toString();
  }
}
