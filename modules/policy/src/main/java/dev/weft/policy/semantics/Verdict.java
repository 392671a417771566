package dev.weft.policy.semantics;

import java.util.List;

/** The answer for one protocol/port of one pair, with each direction's decision and readable reasons. */
public record Verdict(Outcome outcome, List<DirectionResult.DirectionDecision> directions, List<String> reasons) {
  public Verdict {
    directions = List.copyOf(directions);
    reasons = List.copyOf(reasons);
  }

  /** The result kinds; the CLI exits 0 for ALLOWED and 3 otherwise. */
  public enum Outcome {
    ALLOWED,
    DENIED,
    UNDETERMINED
  }
}
