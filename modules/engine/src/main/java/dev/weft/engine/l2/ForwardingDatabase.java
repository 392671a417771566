package dev.weft.engine.l2;

import dev.weft.model.InterfaceRef;
import dev.weft.model.value.Mac;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bridge's forwarding database: which port each MAC was last seen on. Learned entries age out after
 * {@code ageing} without traffic (Linux: 300 s); permanent entries (the bridge's own MAC) never do. Time
 * is passed in, so the table never reads a clock.
 */
public final class ForwardingDatabase {
  private record Entry(InterfaceRef port, Instant seen, boolean permanent) {}

  private final Duration ageing;
  private final Map<Mac, Entry> entries = new HashMap<>();

  public ForwardingDatabase(Duration ageing) {
    if (ageing.isNegative()) {
      throw new IllegalArgumentException("FDB ageing must not be negative: " + ageing);
    }
    this.ageing = ageing;
  }

  public void addPermanent(Mac mac, InterfaceRef port) {
    entries.put(mac, new Entry(port, Instant.MIN, true));
  }

  /** Records that {@code mac} was seen on {@code port}; true when the entry is new or moved. */
  public boolean learn(Mac mac, InterfaceRef port, Instant now) {
    Entry old = entries.get(mac);
    if (old != null && old.permanent) {
      return false;
    }
    entries.put(mac, new Entry(port, now, false));
    return old == null || !old.port.equals(port) || expired(old, now);
  }

  /** The port of a live entry; expired entries are removed on the way. */
  public Optional<InterfaceRef> lookup(Mac mac, Instant now) {
    Entry e = entries.get(mac);
    if (e == null) {
      return Optional.empty();
    }
    if (expired(e, now)) {
      entries.remove(mac);
      return Optional.empty();
    }
    return Optional.of(e.port);
  }

  private boolean expired(Entry e, Instant now) {
    return !e.permanent && !e.seen.plus(ageing).isAfter(now);
  }

  public int size() {
    return entries.size();
  }
}
