package dev.weft.policy.compile;

import dev.weft.model.netfilter.Ruleset;
import java.util.Map;

/**
 * The output of {@link NetworkPolicyCompiler}: a filter table (with its ipsets) and, for readers of the
 * rules, which chain serves which pod or policy.
 */
public record CompiledPolicies(Ruleset ruleset, Map<String, String> chainNames) {
  public CompiledPolicies {
    chainNames = Map.copyOf(chainNames);
  }
}
