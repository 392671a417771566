package dev.weft.policy.semantics;

import dev.weft.policy.model.AdminAction;
import dev.weft.policy.model.Direction;
import dev.weft.policy.model.Protocol;
import dev.weft.policy.ports.PortSet;
import java.util.ArrayList;
import java.util.List;

/**
 * One direction of one connection: the source's egress or the destination's ingress.
 *
 * @param subjectToPolicy false when this end is an external address (no policy applies to it)
 * @param selectingAdmin admin-tier policies whose subject selects the pod and which have rules in this direction
 * @param isolatingPolicies NetworkPolicies that select the pod and list this direction in policyTypes
 * @param effects the rules that matched the pair, in evaluation order, each with the ports it decided
 * @param allowed what this direction lets through
 */
public record DirectionResult(
    Direction direction,
    Endpoint subject,
    Endpoint peer,
    boolean subjectToPolicy,
    List<String> selectingAdmin,
    List<String> isolatingPolicies,
    List<RuleEffect> effects,
    PortSet allowed) {

  public DirectionResult {
    selectingAdmin = List.copyOf(selectingAdmin);
    isolatingPolicies = List.copyOf(isolatingPolicies);
    effects = List.copyOf(effects);
  }

  public boolean isolated() {
    return !isolatingPolicies.isEmpty();
  }

  /** Why this direction allows or denies one protocol/port, and which rules decide. */
  public DirectionDecision decide(Protocol protocol, int port) {
    boolean ok = allowed.contains(protocol, port);
    List<RuleEffect> deciding = new ArrayList<>();
    for (RuleEffect e : effects) {
      if (e.ports().contains(protocol, port)) {
        deciding.add(e);
      }
    }
    return new DirectionDecision(direction, ok, deciding, reason(ok, deciding, protocol + "/" + port));
  }

  private String reason(boolean ok, List<RuleEffect> deciding, String what) {
    String who = direction == Direction.INGRESS ? "from " + peer : "to " + peer;
    if (!subjectToPolicy) {
      return subject + " is an external address: no policy applies to its " + direction.lower();
    }
    RuleEffect last = deciding.isEmpty() ? null : deciding.getLast();
    if (last != null && last.action() != AdminAction.PASS) {
      return (ok ? "allowed by " : "denied by ") + String.join(", ", deciding.stream().filter(e -> e.action() != AdminAction.PASS).map(e -> e.rule().toString()).toList());
    }
    String passed = last != null ? "passed by " + last.rule() + "; " : "";
    if (isolated()) {
      return passed + "denied: " + subject + " is isolated for " + direction.lower() + " by " + String.join(", ", isolatingPolicies)
          + " and no rule of them allows " + what + " " + who;
    }
    return passed + "allowed: no NetworkPolicy selects " + subject + " for " + direction.lower() + " (default allow)";
  }

  /** The decision of one direction for one protocol/port. */
  public record DirectionDecision(Direction direction, boolean allowed, List<RuleEffect> deciding, String reason) {
    public DirectionDecision {
      deciding = List.copyOf(deciding);
    }
  }
}
