package dev.weft.netfilter.eval;

import dev.weft.model.netfilter.ChainName;
import dev.weft.model.netfilter.Rule;
import dev.weft.model.netfilter.Table;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a rule is: table, chain and 1-based position (as {@code iptables -L --line-numbers} counts), with
 * its source line and {@code -m comment} for explanations.
 */
public record RuleRef(Table table, ChainName chain, int number, Rule rule) {

  public OptionalInt line() {
    return rule.line();
  }

  public Optional<String> comment() {
    return rule.comment();
  }

  /** {@code filter KUBE-FORWARD #2 (line 40)}. */
  @Override
  public String toString() {
    return table.keyword() + " " + chain + " #" + number + rule.line().stream().mapToObj(l -> " (line " + l + ")")
        .findFirst().orElse("");
  }
}
