package dev.weft.netfilter.save;

import dev.weft.document.Diagnostic;
import dev.weft.model.netfilter.Ruleset;
import java.util.List;

/** A rule set read from text and the warnings about it (uninterpreted matches and targets). */
public record ParsedRuleset(Ruleset ruleset, List<Diagnostic> warnings) {
  public ParsedRuleset {
    warnings = List.copyOf(warnings);
  }
}
