package dev.weft.sim.reach;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The hops of a walk, written down only when an explanation is wanted (text costs more than the walk). */
final class Trail {
  static final Trail OFF = new Trail(false);

  private final boolean on;
  private final List<String> hops = new ArrayList<>();

  private Trail(boolean on) {
    this.on = on;
  }

  static Trail on() {
    return new Trail(true);
  }

  void add(Supplier<String> hop) {
    if (on) {
      hops.add(hop.get());
    }
  }

  List<String> hops() {
    return on ? List.copyOf(hops) : List.of();
  }
}
