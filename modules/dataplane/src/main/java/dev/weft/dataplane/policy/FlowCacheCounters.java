package dev.weft.dataplane.policy;

import java.util.concurrent.atomic.AtomicLong;

/** Hits and misses of every flow cache of a dataplane (written by the event loop, read by scrapes). */
public final class FlowCacheCounters {
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  void hit() {
    hits.lazySet(hits.get() + 1);
  }

  void miss() {
    misses.lazySet(misses.get() + 1);
  }

  public long hits() {
    return hits.get();
  }

  public long misses() {
    return misses.get();
  }
}
