package dev.weft.policy.semantics;

import dev.weft.policy.model.Direction;

/**
 * Names one rule: {@code NetworkPolicy x/allow-web ingress[0]}, {@code AdminNetworkPolicy sec (priority 10)
 * egress[2] "deny-dev"}, {@code BaselineAdminNetworkPolicy default ingress[0]}. Indices count from 0 in file
 * order.
 */
public record RuleRef(String kind, String policy, Direction direction, int index, String ruleName) implements Comparable<RuleRef> {
  @Override
  public int compareTo(RuleRef o) {
    return toString().compareTo(o.toString());
  }

  @Override
  public String toString() {
    return kind + " " + policy + " " + direction.lower() + "[" + index + "]" + (ruleName.isEmpty() ? "" : " \"" + ruleName + "\"");
  }
}
