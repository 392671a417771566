package dev.weft.netfilter.eval;

import dev.weft.model.netfilter.Match;
import java.util.List;

/**
 * The probability of one traced path: the product over its statistic branches of p (taken) or 1 − p
 * (not taken). Limit and nth branches have no fixed odds and count as 1, so the value is exact only for
 * paths whose forks are all {@code --mode random}.
 */
public final class PathProbability {
  private PathProbability() {}

  public static double of(List<TraceStep> steps) {
    double p = 1;
    for (TraceStep s : steps) {
      if (s instanceof TraceStep.Branch b) {
        for (Match m : b.rule().rule().matches()) {
          if (m instanceof Match.Random r) {
            p *= b.matched() ? r.probability() : 1 - r.probability();
          }
        }
      }
    }
    return p;
  }
}
