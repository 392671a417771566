package dev.weft.policy.manifest;

import dev.weft.document.Element;
import dev.weft.document.MapReader;
import dev.weft.model.value.Cidr;
import dev.weft.policy.model.AdminAction;
import dev.weft.policy.model.AdminNetworkPolicy;
import dev.weft.policy.model.AdminPeer;
import dev.weft.policy.model.AdminRule;
import dev.weft.policy.model.AdminSubject;
import dev.weft.policy.model.LabelSelector;
import dev.weft.policy.model.PortMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy and BaselineAdminNetworkPolicy. */
final class AdminPolicyReader {
  private AdminPolicyReader() {}

  static Optional<AdminNetworkPolicy> read(String name, MapReader spec, boolean baseline, Element at) {
    int priority = baseline ? Integer.MAX_VALUE : spec.integer("priority", 0, 1000).orElse(-1);
    Optional<AdminSubject> subject = spec.require("subject", "namespaces or pods").flatMap(AdminPolicyReader::subject);
    List<AdminRule> ingress = rules(spec.list("ingress"), "from", baseline, false);
    List<AdminRule> egress = rules(spec.list("egress"), "to", baseline, true);
    if (baseline && !name.equals("default")) {
      at.error(ManifestProblem.INVALID_POLICY, "a BaselineAdminNetworkPolicy must be named 'default', not '" + name + "'", "metadata.name: default");
    }
    if (subject.isEmpty() || priority < 0) {
      return Optional.empty();
    }
    return Optional.of(new AdminNetworkPolicy(name, priority, baseline, subject.get(), ingress, egress));
  }

  private static Optional<AdminSubject> subject(Element e) {
    return e.map("namespaces", "pods").flatMap(m -> {
      if (m.has("namespaces") == m.has("pods")) {
        e.error(ManifestProblem.INVALID_POLICY, "subject needs exactly one of namespaces, pods", "namespaces or pods");
        return Optional.empty();
      }
      if (m.has("namespaces")) {
        return Selectors.selector(m, "namespaces").map(AdminSubject::namespaces);
      }
      return m.map("pods", "namespaceSelector", "podSelector").map(p -> new AdminSubject(
          Selectors.selector(p, "namespaceSelector").orElse(LabelSelector.ALL), Selectors.selector(p, "podSelector").orElse(LabelSelector.ALL)));
    });
  }

  private static List<AdminRule> rules(List<Element> items, String peersKey, boolean baseline, boolean egress) {
    List<AdminRule> out = new ArrayList<>();
    for (Element item : items) {
      item.map("name", "action", peersKey, "ports").ifPresent(r -> {
        String name = r.string("name", "");
        Optional<AdminAction> action = r.requireString("action").flatMap(t -> {
          Optional<AdminAction> a = AdminAction.parse(t).filter(x -> !baseline || x != AdminAction.PASS);
          if (a.isEmpty()) {
            r.get("action").ifPresent(el -> el.error(ManifestProblem.INVALID_POLICY, "unknown action '" + t + "'", baseline ? "Allow or Deny" : "Allow, Deny or Pass"));
          }
          return a;
        });
        List<AdminPeer> peers = new ArrayList<>();
        for (Element p : r.list(peersKey)) {
          peer(p, egress).ifPresent(peers::add);
        }
        if (peers.isEmpty()) {
          item.error(ManifestProblem.INVALID_POLICY, "a rule needs at least one peer in '" + peersKey + "'", "a non-empty " + peersKey + " list");
        }
        List<PortMatch> ports = new ArrayList<>();
        r.list("ports").forEach(p -> PortReader.adminPort(p).ifPresent(ports::add));
        action.ifPresent(a -> out.add(new AdminRule(name, a, peers, ports)));
      });
    }
    return out;
  }

  private static Optional<AdminPeer> peer(Element e, boolean egress) {
    String[] keys = egress ? new String[] {"namespaces", "pods", "nodes", "networks"} : new String[] {"namespaces", "pods"};
    return e.map(keys).flatMap(m -> {
      if (m.has("namespaces")) {
        return Selectors.selector(m, "namespaces").map(ns -> new AdminPeer.Pods(ns, LabelSelector.ALL));
      }
      if (m.has("pods")) {
        return m.map("pods", "namespaceSelector", "podSelector").map(p -> new AdminPeer.Pods(
            Selectors.selector(p, "namespaceSelector").orElse(LabelSelector.ALL), Selectors.selector(p, "podSelector").orElse(LabelSelector.ALL)));
      }
      if (m.has("networks")) {
        List<Cidr> cidrs = new ArrayList<>();
        m.list("networks").forEach(x -> x.value(Cidr::parseLenient).ifPresent(cidrs::add));
        return Optional.of(new AdminPeer.Networks(cidrs));
      }
      if (m.has("nodes")) {
        e.diagnostics().warning(ManifestProblem.UNSUPPORTED, e.origin(), "nodes peers are not modelled: this peer matches nothing in weft", "namespaces, pods or networks");
        return Selectors.selector(m, "nodes").map(AdminPeer.Nodes::new);
      }
      e.error(ManifestProblem.INVALID_POLICY, "empty peer", String.join(", ", keys));
      return Optional.empty();
    });
  }
}
