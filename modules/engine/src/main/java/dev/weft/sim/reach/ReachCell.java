package dev.weft.sim.reach;

import dev.weft.sim.DropCause;
import dev.weft.sim.Outcome;
import java.util.List;
import java.util.Optional;

/**
 * One cell of a matrix: the verdict for a pair, the drop cause and where and why it stopped, and the
 * hops taken (the explanation of a blocked cell).
 */
public record ReachCell(String from, String to, Outcome outcome, Optional<DropCause> cause, String at, String reason,
    List<String> explanation) {
  public ReachCell {
    explanation = List.copyOf(explanation);
  }

  public boolean reachable() {
    return outcome == Outcome.DELIVERED;
  }

  /** {@code DELIVERED}, {@code EXITS_NETWORK} or {@code DROPPED (CAUSE)}. */
  public String verdict() {
    return outcome + cause.map(c -> " (" + c + ")").orElse("");
  }
}
