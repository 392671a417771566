package dev.weft.policy.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A networking.k8s.io/v1 NetworkPolicy. {@code declaredTypes} is policyTypes as written (empty when absent);
 * {@link #effectiveTypes()} applies the API's defaulting.
 */
public record NetworkPolicy(
    String namespace,
    String name,
    LabelSelector podSelector,
    Optional<Set<Direction>> declaredTypes,
    List<PolicyRule> ingress,
    List<PolicyRule> egress) {

  public NetworkPolicy {
    declaredTypes = declaredTypes.map(Set::copyOf);
    ingress = List.copyOf(ingress);
    egress = List.copyOf(egress);
  }

  /**
   * policyTypes as the API server defaults it: Ingress always, Egress only when the policy has egress
   * rules. So an egress-only default deny must list Egress explicitly.
   */
  public Set<Direction> effectiveTypes() {
    if (declaredTypes.isPresent()) {
      return declaredTypes.get();
    }
    return egress.isEmpty() ? EnumSet.of(Direction.INGRESS) : EnumSet.of(Direction.INGRESS, Direction.EGRESS);
  }

  public boolean isolates(Direction d) {
    return effectiveTypes().contains(d);
  }

  public List<PolicyRule> rules(Direction d) {
    return d == Direction.INGRESS ? ingress : egress;
  }

  /** {@code ns/name} */
  public String qualifiedName() {
    return namespace + "/" + name;
  }
}
