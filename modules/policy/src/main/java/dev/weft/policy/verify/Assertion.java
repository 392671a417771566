package dev.weft.policy.verify;

import dev.weft.document.Origin;
import dev.weft.model.value.Cidr;
import dev.weft.policy.model.LabelSelector;
import dev.weft.policy.ports.PortSet;
import java.util.Optional;

/**
 * One expectation of an assertions file (see {@link AssertionReader} for the format).
 *
 * @param ports the ports the expectation is about; empty means "any port" for allow and deny
 */
public record Assertion(String name, Selection from, Selection to, Expect expect, Optional<PortSet> ports, Origin origin) {

  /** What must hold for every selected (source, destination) pair of distinct endpoints. */
  public enum Expect {
    /** Every listed port is allowed (without ports: something is allowed). */
    ALLOW,
    /** Exactly the listed ports are allowed, nothing else. */
    ALLOW_ONLY,
    /** None of the listed ports is allowed (without ports: nothing at all). */
    DENY
  }

  /** Which endpoints a side means; every present criterion must hold (AND). An empty selection is every pod. */
  public record Selection(
      Optional<String> namespace, Optional<LabelSelector> namespaceSelector, Optional<LabelSelector> podSelector,
      Optional<String> workload, Optional<String> pod, Optional<Cidr> cidr) {

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      namespace.ifPresent(n -> sb.append(" namespace ").append(n));
      namespaceSelector.ifPresent(n -> sb.append(" namespaceSelector ").append(n));
      podSelector.ifPresent(n -> sb.append(" podSelector ").append(n));
      workload.ifPresent(n -> sb.append(" workload ").append(n));
      pod.ifPresent(n -> sb.append(" pod ").append(n));
      cidr.ifPresent(n -> sb.append(" cidr ").append(n));
      return sb.isEmpty() ? "every pod" : sb.substring(1);
    }
  }
}
