package dev.weft.netfilter.pipeline;

import dev.weft.netfilter.eval.Verdict;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Every possible outcome of one hook (several when statistic rules or NAT ranges fork the packet). */
public record HookResult(List<HookOutcome> outcomes) {
  public HookResult {
    outcomes = List.copyOf(outcomes);
  }

  public Set<Verdict> verdicts() {
    Set<Verdict> out = EnumSet.noneOf(Verdict.class);
    outcomes.forEach(o -> out.add(o.verdict()));
    return out;
  }

  /** The outcomes that let the packet continue. */
  public List<HookOutcome> accepted() {
    return outcomes.stream().filter(o -> o.verdict() == Verdict.ACCEPT).toList();
  }
}
