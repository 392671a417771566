package dev.weft.netfilter.eval;

import dev.weft.model.netfilter.ChainName;
import dev.weft.model.netfilter.Policy;
import dev.weft.model.netfilter.Table;

/** Why a table's traversal ended the way it did. */
public sealed interface Decision {

  /** A rule's terminal target decided. */
  record ByRule(RuleRef rule) implements Decision {
    @Override
    public String toString() {
      return "rule " + rule;
    }
  }

  /** The packet fell off (or RETURNed from) the built-in chain: reason POLICY. */
  record ByPolicy(Table table, ChainName chain, Policy policy) implements Decision {
    @Override
    public String toString() {
      return "POLICY " + policy + " of " + table.keyword() + " " + chain;
    }
  }

  /** The verdict cannot be known: why, and the rule that made it so if there is one. */
  record Undecidable(String reason, java.util.Optional<RuleRef> rule) implements Decision {
    @Override
    public String toString() {
      return reason + rule.map(r -> " at rule " + r).orElse("");
    }
  }

  /** netfilter was not consulted (a bridged frame while br_netfilter is off). */
  record Bypassed(String reason) implements Decision {
    @Override
    public String toString() {
      return reason;
    }
  }
}
