package dev.weft.policy.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.policy.ClusterArbitraries;
import dev.weft.policy.model.Direction;
import dev.weft.policy.model.LabelRequirement;
import dev.weft.policy.model.LabelSelector;
import dev.weft.policy.model.NetworkPolicy;
import dev.weft.policy.model.Peer;
import dev.weft.policy.model.PolicyRule;
import dev.weft.policy.model.PortMatch;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any NetworkPolicy written as a manifest reads back as the same policy. */
class NetworkPolicyRoundTripProperties {
  @Provide
  Arbitrary<NetworkPolicy> policies() {
    return ClusterArbitraries.policies();
  }

  @Property(tries = 300)
  void writtenPolicyReadsBack(@ForAll("policies") NetworkPolicy p) {
    ManifestLoad l = new ManifestLoader().loadText("p.yaml", yaml(p));
    assertThat(l).as(l.diagnostics().toString()).isInstanceOf(ManifestLoad.Loaded.class);
    assertThat(((ManifestLoad.Loaded) l).cluster().policies()).containsExactly(p);
  }

  static String yaml(NetworkPolicy p) {
    StringBuilder sb = new StringBuilder("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n");
    sb.append("metadata: {name: ").append(p.name()).append(", namespace: ").append(p.namespace()).append("}\nspec:\n");
    sb.append("  podSelector: ").append(selector(p.podSelector())).append('\n');
    p.declaredTypes().ifPresent(t -> sb.append("  policyTypes: [")
        .append(String.join(", ", t.stream().sorted().map(Direction::apiName).toList())).append("]\n"));
    rules(sb, "ingress", "from", p.ingress());
    rules(sb, "egress", "to", p.egress());
    return sb.toString();
  }

  private static void rules(StringBuilder sb, String key, String peersKey, List<PolicyRule> rules) {
    if (rules.isEmpty()) {
      return;
    }
    sb.append("  ").append(key).append(":\n");
    for (PolicyRule r : rules) {
      sb.append("    - {").append(peersKey).append(": [").append(String.join(", ", r.peers().stream().map(NetworkPolicyRoundTripProperties::peer).toList()))
          .append("], ports: [").append(String.join(", ", r.ports().stream().map(NetworkPolicyRoundTripProperties::port).toList())).append("]}\n");
    }
  }

  private static String peer(Peer p) {
    return switch (p) {
      case Peer.IpBlock b -> "{ipBlock: {cidr: \"" + b.cidr() + "\", except: [" + String.join(", ", b.except().stream().map(c -> "\"" + c + "\"").toList()) + "]}}";
      case Peer.SelectorPeer s -> {
        List<String> parts = new ArrayList<>();
        s.namespaceSelector().ifPresent(n -> parts.add("namespaceSelector: " + selector(n)));
        s.podSelector().ifPresent(n -> parts.add("podSelector: " + selector(n)));
        yield "{" + String.join(", ", parts) + "}";
      }
    };
  }

  private static String port(PortMatch m) {
    return switch (m) {
      case PortMatch.AnyPort a -> throw new IllegalArgumentException("no manifest form");
      case PortMatch.ProtocolPorts pp -> pp.range().first() == PortMatch.MIN_PORT && pp.range().last() == PortMatch.MAX_PORT
          ? "{protocol: " + pp.protocol() + "}"
          : "{protocol: " + pp.protocol() + ", port: " + pp.range().first() + (pp.range().isSingle() ? "" : ", endPort: " + pp.range().last()) + "}";
      case PortMatch.NamedPort np -> "{protocol: " + np.protocol().orElseThrow() + ", port: \"" + np.name() + "\"}";
    };
  }

  private static String selector(LabelSelector s) {
    List<String> labels = new ArrayList<>();
    s.matchLabels().map().forEach((k, v) -> labels.add("\"" + k + "\": \"" + v + "\""));
    List<String> exprs = new ArrayList<>();
    for (LabelRequirement r : s.matchExpressions()) {
      exprs.add("{key: \"" + r.key() + "\", operator: " + r.operator().apiName() + ", values: [" + String.join(", ", r.values().stream().map(v -> "\"" + v + "\"").toList()) + "]}");
    }
    return "{matchLabels: {" + String.join(", ", labels) + "}, matchExpressions: [" + String.join(", ", exprs) + "]}";
  }
}
