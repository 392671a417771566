package dev.weft.engine.tunnel;

import dev.weft.model.InterfaceKind.FdbEntry;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a VXLAN device sends a frame: the remote VTEP of a static or learned entry for the destination
 * MAC, or else every remote of the all-zeros (flood) entries, which is head-end replication. Learned
 * entries age out like a bridge's.
 */
public final class VxlanForwardingTable {
  /** The remotes chosen and which entry chose them, for the trace. */
  public record Selection(List<IpAddress> remotes, String reason) {}

  private record Learned(IpAddress remote, Instant at) {}

  private final Map<Mac, IpAddress> unicast = new HashMap<>();
  private final List<IpAddress> flood = new ArrayList<>();
  private final Map<Mac, Learned> learned = new HashMap<>();
  private final Duration ageing;

  public VxlanForwardingTable(List<FdbEntry> entries, Duration ageing) {
    for (FdbEntry e : entries) {
      if (e.isFlood()) {
        flood.add(e.remote());
      } else {
        unicast.put(e.mac(), e.remote());
      }
    }
    this.ageing = ageing;
  }

  public Selection select(Mac destination, Instant now) {
    IpAddress fixed = unicast.get(destination);
    if (fixed != null && !destination.isMulticast()) {
      return new Selection(List.of(fixed), "fdb " + destination + " dst " + fixed);
    }
    Learned l = learned.get(destination);
    if (l != null && l.at.plus(ageing).isAfter(now) && !destination.isMulticast()) {
      return new Selection(List.of(l.remote), "learned " + destination + " dst " + l.remote);
    }
    return new Selection(List.copyOf(flood), flood.isEmpty()
        ? "no entry for " + destination + " and no flood entry"
        : "flood entry 00:00:00:00:00:00 (" + flood.size() + " remote" + (flood.size() == 1 ? "" : "s") + ")");
  }

  /** Records the remote a source MAC came from; true when the entry is new or moved. */
  public boolean learn(Mac source, IpAddress remote, Instant now) {
    if (unicast.containsKey(source)) {
      return false;
    }
    Learned old = learned.put(source, new Learned(remote, now));
    return old == null || !old.remote.equals(remote);
  }
}
