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
 * learned from ARP and NDP messages, and the packets waiting for a resolution in progress. Holds packets,
 * so its owner must {@link #drainAll} on shutdown.
 *
 * <p>A learned entry is confirmed for {@code lifetime} (the kernel's reachable time). After that it is
 * stale but still used, as the kernel uses a STALE entry while it probes: the first use asks for a probe,
 * one a second at most, and only when probes have gone unanswered for {@link #PROBE_WINDOW} is the entry
 * dropped, so that the next packet waits for a fresh resolution. A flow through the stack therefore never
 * stalls on an entry's age, only on a neighbour that stopped answering.
 */
public final class NeighborTable {
  /** The kernel's default unres_qlen: packets queued per unresolved neighbour. */
  public static final int QUEUE_LIMIT = 101;
  /** How long a stale entry stays in use while its probes go unanswered: ucast_solicit (3) × retrans_time (1 s). */
  public static final Duration PROBE_WINDOW = Duration.ofSeconds(3);
  /** The least time between two probes of one entry (retrans_time). */
  public static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

  public record Key(InterfaceRef device, IpAddress address) {}

  /** Where to send, how that was known, and whether to probe a stale entry now (see {@link #resolve}). */
  public record Neighbor(Mac mac, Resolution how, boolean probe) {}

  public enum Queued {
    /** The first packet for this neighbour: send a solicitation. */
    FIRST,
    /** A solicitation is already out. */
    WAITING,
    /** The queue is full; the packet was not taken. */
    FULL
  }

  /** {@code probing}: when the first unanswered probe went out and when the last one did. */
  private record Learned(Mac mac, Instant at, Optional<Probes> probing) {}

  private record Probes(Instant first, Instant last) {}

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

  /**
   * The MAC to send a packet for {@code key} to, now; empty when it must wait for a resolution. A stale
   * entry still answers, with {@code probe} set when a solicitation should go out to confirm it (no probe
   * in the last {@link #PROBE_INTERVAL}; the probe is recorded here), and is dropped once its probes have
   * gone unanswered for {@link #PROBE_WINDOW}. One call per packet, so the routed path looks up once.
   */
  public Optional<Neighbor> resolve(Key key, Instant now) {
    Mac fixed = permanent.get(key);
    if (fixed != null) {
      return Optional.of(new Neighbor(fixed, Resolution.STATIC, false));
    }
    Learned l = learned.get(key);
    if (l == null) {
      return Optional.empty();
    }
    if (l.at.plus(lifetime).isAfter(now)) {
      return Optional.of(new Neighbor(l.mac, Resolution.CACHED, false));
    }
    Optional<Probes> probing = l.probing;
    if (probing.isPresent() && !now.isBefore(probing.get().first().plus(PROBE_WINDOW))) {
      learned.remove(key); // unanswered: the neighbour is gone, resolve afresh
      return Optional.empty();
    }
    boolean probe = probing.isEmpty() || !now.isBefore(probing.get().last().plus(PROBE_INTERVAL));
    if (probe) {
      learned.put(key, new Learned(l.mac, l.at, Optional.of(new Probes(probing.map(Probes::first).orElse(now), now))));
    }
    return Optional.of(new Neighbor(l.mac, Resolution.CACHED, probe));
  }

  /**
   * Forgets learned entries nobody confirmed for twice {@code lifetime} (the kernel's gc_stale_time past
   * the reachable time): a used entry is probed and confirmed long before that, so only entries of
   * neighbours no longer talked to go, and pod churn does not grow the table without bound.
   */
  public void forgetStale(Instant now) {
    learned.values().removeIf(l -> !now.isBefore(l.at.plus(lifetime).plus(lifetime)));
  }

  public void learn(Key key, Mac mac, Instant now) {
    if (!permanent.containsKey(key)) {
      learned.put(key, new Learned(mac, now, Optional.empty()));
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
