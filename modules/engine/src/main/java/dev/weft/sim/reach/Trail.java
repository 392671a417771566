package dev.weft.sim.reach;

import java.util.ArrayList;
import java.util.List;

/** The hops of a walk, written down only when an explanation is wanted (text costs more than the walk). */
final class Trail {
  static final Trail OFF = new Trail(false);

  private final boolean on;
  private final List<String> hops = new ArrayList<>();

  private Trail(boolean on) {
    this.on = on;
  }

  static Trail start() {
    return new Trail(true);
  }

  /** Whether hops are being written down; callers test this first so that no text is built for nothing. */
  boolean on() {
    return on;
  }

  void add(String hop) {
    if (on) {
      hops.add(hop);
    }
  }

  List<String> hops() {
    return on ? List.copyOf(hops) : List.of();
  }
}
