package dev.weft.policy.analysis;

import dev.weft.policy.model.Direction;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A NetworkPolicy or admin-tier policy lowered onto classes: the predicate that selects its pods, its rules
 * per direction, and (for NetworkPolicy) the directions it isolates.
 */
final class CompiledPolicy {
  enum Tier {
    ADMIN,
    NETWORK_POLICY,
    BASELINE
  }

  final String key;
  final Tier tier;
  final int subjectPredicate;
  final Set<Direction> isolates;
  final Map<Direction, List<CompiledRule>> rules = new EnumMap<>(Direction.class);

  CompiledPolicy(String key, Tier tier, int subjectPredicate, Set<Direction> isolates, List<CompiledRule> ingress, List<CompiledRule> egress) {
    this.key = key;
    this.tier = tier;
    this.subjectPredicate = subjectPredicate;
    this.isolates = isolates.isEmpty() ? EnumSet.noneOf(Direction.class) : EnumSet.copyOf(isolates);
    rules.put(Direction.INGRESS, List.copyOf(ingress));
    rules.put(Direction.EGRESS, List.copyOf(egress));
  }

  List<CompiledRule> rules(Direction d) {
    return rules.get(d);
  }

  /** Directions in which this policy takes part for the pods it selects. */
  boolean appliesTo(Direction d) {
    return tier == Tier.NETWORK_POLICY ? isolates.contains(d) : !rules(d).isEmpty();
  }
}
