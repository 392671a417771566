package dev.weft.netfilter;

import dev.weft.model.netfilter.Ruleset;
import dev.weft.netfilter.save.IptablesSaveException;
import dev.weft.netfilter.save.IptablesSaveParser;

/** Inline iptables-save text for tests. */
public final class Rules {
  private Rules() {}

  public static Ruleset of(String... lines) {
    try {
      return new IptablesSaveParser().parse("inline", String.join("\n", lines) + "\n").ruleset();
    } catch (IptablesSaveException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}
