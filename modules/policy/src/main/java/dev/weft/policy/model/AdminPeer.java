package dev.weft.policy.model;

import dev.weft.model.value.Cidr;
import java.util.List;

/** A peer of an admin-tier rule. Host-networked pods are never matched by the pod forms. */
public sealed interface AdminPeer {
  /** {@code namespaces: SEL} (podSelector {}) or {@code pods: {namespaceSelector, podSelector}}. */
  record Pods(LabelSelector namespaceSelector, LabelSelector podSelector) implements AdminPeer {
    @Override
    public String toString() {
      return "namespaces " + namespaceSelector + (podSelector.isEmpty() ? "" : " pods " + podSelector);
    }
  }

  /** Egress {@code networks}: destination CIDRs. */
  record Networks(List<Cidr> cidrs) implements AdminPeer {
    public Networks {
      cidrs = List.copyOf(cidrs);
    }

    @Override
    public String toString() {
      return "networks " + cidrs;
    }
  }

  /** Egress {@code nodes}: weft models no node endpoints, so this peer matches nothing (the loader warns). */
  record Nodes(LabelSelector nodeSelector) implements AdminPeer {
    @Override
    public String toString() {
      return "nodes " + nodeSelector;
    }
  }
}
