package dev.weft.model.netfilter;

import java.util.List;
import java.util.Optional;

/** A chain: built-in ones have a policy, user chains have none. */
public record Chain(ChainName name, Optional<Policy> policy, List<Rule> rules) {
  public Chain {
    rules = List.copyOf(rules);
  }

  public static Chain builtin(ChainName name, Policy policy, List<Rule> rules) {
    return new Chain(name, Optional.of(policy), rules);
  }

  public static Chain user(ChainName name, List<Rule> rules) {
    return new Chain(name, Optional.empty(), rules);
  }

  public boolean isBuiltin() {
    return policy.isPresent();
  }

  public Chain withoutLines() {
    return new Chain(name, policy, rules.stream().map(Rule::withoutLine).toList());
  }
}
