package dev.weft.dataplane.stats;

import dev.weft.engine.event.DropReason;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Everything a running dataplane counts, at one moment: what {@code weft dataplane stats} shows. */
public record DataplaneStats(String host, List<PortStats> ports, long flowCacheHits, long flowCacheMisses) {
  public DataplaneStats {
    ports = List.copyOf(ports);
  }

  /** Drops by reason over all ports. */
  public Map<DropReason, Long> dropsByReason() {
    Map<DropReason, Long> out = new EnumMap<>(DropReason.class);
    for (PortStats p : ports) {
      p.drops().forEach((r, n) -> out.merge(r, n, Long::sum));
    }
    return out;
  }

  public long drops(DropReason reason) {
    return dropsByReason().getOrDefault(reason, 0L);
  }

  public java.util.Optional<PortStats> port(String name) {
    return ports.stream().filter(p -> p.port().equals(name)).findFirst();
  }
}
