package dev.weft.policy.semantics;

import dev.weft.policy.model.AdminAction;
import dev.weft.policy.ports.PortSet;

/**
 * What one rule decided for one endpoint pair: its action on {@code ports}, the part of the traffic that was
 * still open to it (earlier admin rules take precedence, so effects of admin rules never overlap).
 */
public record RuleEffect(RuleRef rule, AdminAction action, PortSet ports) {
  @Override
  public String toString() {
    return action.apiName().toLowerCase(java.util.Locale.ROOT) + " " + ports + " by " + rule;
  }
}
