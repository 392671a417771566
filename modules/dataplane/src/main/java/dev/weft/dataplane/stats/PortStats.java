package dev.weft.dataplane.stats;

import dev.weft.engine.event.DropReason;
import java.util.EnumMap;
import java.util.Map;

/** A port's counters at one moment; {@code drops} holds the reasons with a non-zero count. */
public record PortStats(String port, String kind, long rxPackets, long rxBytes, long txPackets, long txBytes, long errors,
    Map<DropReason, Long> drops) {
  public PortStats {
    drops = drops.isEmpty() ? Map.of() : new EnumMap<>(drops);
  }

  public long drops(DropReason reason) {
    return drops.getOrDefault(reason, 0L);
  }

  public long totalDrops() {
    return drops.values().stream().mapToLong(Long::longValue).sum();
  }
}
