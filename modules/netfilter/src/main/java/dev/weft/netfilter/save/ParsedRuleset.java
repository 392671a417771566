package dev.weft.netfilter.save;

import dev.weft.model.netfilter.Ruleset;
import java.util.List;

/** A rule set read from text and the warnings about it (unknown matches and targets, odd but legal input). */
public record ParsedRuleset(Ruleset ruleset, List<SaveProblem> warnings) {
  public ParsedRuleset {
    warnings = List.copyOf(warnings);
  }
}
