package dev.weft.sim.run;

import java.time.Instant;
import java.time.InstantSource;

/**
 * Simulated time: starts at a fixed instant and moves one microsecond per delivery, so that runs are
 * reproducible and capture timestamps increase.
 */
final class SimClock implements InstantSource {
  static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  private Instant now = EPOCH;

  @Override
  public Instant instant() {
    return now;
  }

  void tick() {
    now = now.plusNanos(1000);
  }
}
