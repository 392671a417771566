package dev.weft.engine.l3;

import dev.weft.engine.event.ForwardingEvent.Resolution;
import dev.weft.engine.message.RoutedPacket;
import dev.weft.model.InterfaceRef;
import dev.weft.model.NeighborEntry;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Name;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stack's neighbour table (ARP and NDP cache): permanent entries from the configuration, entries
 * learned from replies (usable for {@code lifetime}, like the kernel's gc_stale_time), and the packets
 * waiting for a resolution in progress. Holds packets, so its owner must {@link #drainAll} on shutdown.
 */
public final class NeighborTable {
  /** The kernel's default unres_qlen: packets queued per unresolved neighbour. */
  public static final int QUEUE_LIMIT = 101;

  public record Key(InterfaceRef device, IpAddress address) {}

  public record Neighbor(Mac mac, Resolution how) {}

  public enum Queued {
    /** The first packet for this neighbour: send a solicitation. */
    FIRST,
    /** A solicitation is already out. */
    WAITING,
    /** The queue is full; the packet was not taken. */
    FULL
  }

  private record Learned(Mac mac, Instant at) {}

  private final Map<Key, Mac> permanent = new HashMap<>();
  private final Map<Key, Learned> learned = new HashMap<>();
  private final Map<Key, List<RoutedPacket>> pending = new LinkedHashMap<>();
  private final Duration lifetime;

  public NeighborTable(Duration lifetime) {
    this.lifetime = lifetime;
  }

  public static NeighborTable of(Name namespace, List<NeighborEntry> permanentEntries) {
    NeighborTable t = new NeighborTable(Duration.ofSeconds(60));
    for (NeighborEntry e : permanentEntries) {
      t.permanent.put(new Key(new InterfaceRef(namespace, e.device()), e.address()), e.mac());
    }
    return t;
  }

  public Optional<Neighbor> lookup(Key key, Instant now) {
    Mac fixed = permanent.get(key);
    if (fixed != null) {
      return Optional.of(new Neighbor(fixed, Resolution.STATIC));
    }
    Learned l = learned.get(key);
    if (l == null || !l.at.plus(lifetime).isAfter(now)) {
      return Optional.empty();
    }
    return Optional.of(new Neighbor(l.mac, Resolution.CACHED));
  }

  public void learn(Key key, Mac mac, Instant now) {
    if (!permanent.containsKey(key)) {
      learned.put(key, new Learned(mac, now));
    }
  }

  /** Queues a packet until {@code key} resolves; the table owns it unless the answer is FULL. */
  public Queued enqueue(Key key, RoutedPacket packet) {
    List<RoutedPacket> queue = pending.computeIfAbsent(key, k -> new ArrayList<>());
    if (queue.size() >= QUEUE_LIMIT) {
      return Queued.FULL;
    }
    queue.add(packet);
    return queue.size() == 1 ? Queued.FIRST : Queued.WAITING;
  }

  /** The packets waiting for {@code key}, handed back to the caller. */
  public List<RoutedPacket> drain(Key key) {
    List<RoutedPacket> out = pending.remove(key);
    return out == null ? List.of() : out;
  }

  /** Every waiting packet, by neighbour, in the order resolutions began. */
  public Map<Key, List<RoutedPacket>> drainAll() {
    Map<Key, List<RoutedPacket>> out = new LinkedHashMap<>(pending);
    pending.clear();
    return out;
  }
}
