package dev.weft.policy.manifest;

import dev.weft.document.Element;
import dev.weft.document.MapReader;
import dev.weft.model.value.Cidr;
import dev.weft.policy.model.Direction;
import dev.weft.policy.model.LabelSelector;
import dev.weft.policy.model.NetworkPolicy;
import dev.weft.policy.model.Peer;
import dev.weft.policy.model.PolicyRule;
import dev.weft.policy.model.PortMatch;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a networking.k8s.io/v1 NetworkPolicy, every field, reporting what the API server would reject. */
final class NetworkPolicyReader {
  private NetworkPolicyReader() {}

  static Optional<NetworkPolicy> read(String namespace, String name, MapReader spec) {
    LabelSelector podSelector = Selectors.selector(spec, "podSelector").orElse(LabelSelector.ALL);
    Optional<Set<Direction>> types = Optional.empty();
    if (spec.has("policyTypes")) {
      EnumSet<Direction> set = EnumSet.noneOf(Direction.class);
      for (Element t : spec.list("policyTypes")) {
        t.string().ifPresent(s -> {
          switch (s) {
            case "Ingress" -> set.add(Direction.INGRESS);
            case "Egress" -> set.add(Direction.EGRESS);
            default -> t.error(ManifestProblem.INVALID_POLICY, "unknown policy type '" + s + "'", "Ingress or Egress");
          }
        });
      }
      types = Optional.of(set);
    }
    List<PolicyRule> ingress = rules(spec.list("ingress"), "from");
    List<PolicyRule> egress = rules(spec.list("egress"), "to");
    return Optional.of(new NetworkPolicy(namespace, name, podSelector, types, ingress, egress));
  }

  private static List<PolicyRule> rules(List<Element> items, String peersKey) {
    List<PolicyRule> out = new ArrayList<>();
    for (Element item : items) {
      item.map(peersKey, "ports").ifPresent(r -> {
        List<Peer> peers = new ArrayList<>();
        r.list(peersKey).forEach(p -> peer(p).ifPresent(peers::add));
        List<PortMatch> ports = new ArrayList<>();
        r.list("ports").forEach(p -> PortReader.networkPolicyPort(p).ifPresent(ports::add));
        out.add(new PolicyRule(peers, ports));
      });
    }
    return out;
  }

  private static Optional<Peer> peer(Element e) {
    return e.map("podSelector", "namespaceSelector", "ipBlock").flatMap(m -> {
      if (m.has("ipBlock")) {
        if (m.has("podSelector") || m.has("namespaceSelector")) {
          e.error(ManifestProblem.INVALID_POLICY, "ipBlock cannot be combined with selectors in one peer", "either ipBlock or podSelector/namespaceSelector");
          return Optional.empty();
        }
        return m.map("ipBlock", "cidr", "except").flatMap(NetworkPolicyReader::ipBlock);
      }
      Optional<LabelSelector> ns = Selectors.selector(m, "namespaceSelector");
      Optional<LabelSelector> pod = Selectors.selector(m, "podSelector");
      if (ns.isEmpty() && pod.isEmpty()) {
        e.error(ManifestProblem.INVALID_POLICY, "empty peer", "podSelector, namespaceSelector or ipBlock");
        return Optional.empty();
      }
      return Optional.of(new Peer.SelectorPeer(ns, pod));
    });
  }

  private static Optional<Peer> ipBlock(MapReader m) {
    Optional<Cidr> cidr = m.requireValue("cidr", Cidr::parseLenient, "a CIDR such as 10.0.0.0/8");
    List<Cidr> except = new ArrayList<>();
    for (Element x : m.list("except")) {
      x.value(Cidr::parseLenient).ifPresent(c -> {
        if (cidr.isPresent() && !cidr.get().contains(c)) {
          x.error(ManifestProblem.INVALID_POLICY, "except " + c + " is outside the block " + cidr.get(), "a range inside " + cidr.get());
        } else {
          except.add(c);
        }
      });
    }
    return cidr.map(c -> new Peer.IpBlock(c, except));
  }
}
