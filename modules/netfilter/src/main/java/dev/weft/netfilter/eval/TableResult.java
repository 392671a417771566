package dev.weft.netfilter.eval;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every possible outcome of one table at one hook. More than one only when a statistic or limit match
 * (or a NAT range) lets the packet go more than one way.
 */
public record TableResult(List<TableOutcome> outcomes) {
  public TableResult {
    if (outcomes.isEmpty()) {
      throw new IllegalArgumentException("a traversal has at least one outcome");
    }
    outcomes = List.copyOf(outcomes);
  }

  public Set<Verdict> verdicts() {
    Set<Verdict> out = EnumSet.noneOf(Verdict.class);
    outcomes.forEach(o -> out.add(o.verdict()));
    return out;
  }

  /** The verdict when every outcome agrees, else UNKNOWN if any is UNKNOWN, else the set has several. */
  public boolean isDefinitely(Verdict v) {
    return verdicts().equals(EnumSet.of(v));
  }

  public TableOutcome single() {
    if (outcomes.size() != 1) {
      throw new IllegalStateException("more than one outcome: " + verdicts());
    }
    return outcomes.getFirst();
  }
}
