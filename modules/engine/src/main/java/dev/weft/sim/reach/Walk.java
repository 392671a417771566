package dev.weft.sim.reach;

import dev.weft.model.value.Name;
import dev.weft.sim.DropCause;
import dev.weft.sim.Outcome;
import java.util.List;
import java.util.Optional;

/**
 * Where the fast path ended: the outcome, the drop cause, the namespace where it ended and why, plus the
 * hops taken when an explanation was asked for.
 */
record Walk(Outcome outcome, Optional<DropCause> cause, Name at, String detail, List<String> hops) {

  static Walk delivered(Name at, List<String> hops) {
    return new Walk(Outcome.DELIVERED, Optional.empty(), at, "delivered", hops);
  }

  static Walk exits(Name at, String detail, List<String> hops) {
    return new Walk(Outcome.EXITS_NETWORK, Optional.empty(), at, detail, hops);
  }

  static Walk dropped(DropCause cause, Name at, String detail, List<String> hops) {
    return new Walk(Outcome.DROPPED, Optional.of(cause), at, detail, hops);
  }

  static Walk undetermined(Name at, String detail, List<String> hops) {
    return new Walk(Outcome.UNDETERMINED, Optional.empty(), at, detail, hops);
  }

  boolean delivered() {
    return outcome == Outcome.DELIVERED;
  }
}
