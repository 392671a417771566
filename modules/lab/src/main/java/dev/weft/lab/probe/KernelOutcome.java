package dev.weft.lab.probe;

import java.util.List;
import java.util.Optional;

/**
 * The kernel's side of one cell: whether the request reached the destination stack, what the client saw,
 * and every stack the witness saw the probe arrive at (normally the destination or none).
 */
record KernelOutcome(boolean delivered, Optional<Attempt> attempt, List<Arrival> arrivals, int id) {
  static KernelOutcome noAddress() {
    return new KernelOutcome(false, Optional.empty(), List.of(), -1);
  }
}
