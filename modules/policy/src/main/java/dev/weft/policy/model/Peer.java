package dev.weft.policy.model;

import dev.weft.model.value.Cidr;
import java.util.List;
import java.util.Optional;

/** One element of a NetworkPolicy rule's {@code from} or {@code to} list. Elements are ORed. */
public sealed interface Peer {
  /**
   * podSelector and/or namespaceSelector in ONE element: both must match (AND). podSelector alone means
   * pods of the policy's namespace; namespaceSelector alone means all pods of the matching namespaces.
   */
  record SelectorPeer(Optional<LabelSelector> namespaceSelector, Optional<LabelSelector> podSelector) implements Peer {
    public SelectorPeer {
      if (namespaceSelector.isEmpty() && podSelector.isEmpty()) {
        throw new IllegalArgumentException("a selector peer needs podSelector or namespaceSelector");
      }
    }

    public static SelectorPeer pods(LabelSelector podSelector) {
      return new SelectorPeer(Optional.empty(), Optional.of(podSelector));
    }

    public static SelectorPeer namespaces(LabelSelector namespaceSelector) {
      return new SelectorPeer(Optional.of(namespaceSelector), Optional.empty());
    }

    public static SelectorPeer both(LabelSelector namespaceSelector, LabelSelector podSelector) {
      return new SelectorPeer(Optional.of(namespaceSelector), Optional.of(podSelector));
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      namespaceSelector.ifPresent(s -> sb.append("namespaceSelector ").append(s));
      podSelector.ifPresent(s -> sb.append(sb.isEmpty() ? "" : " AND ").append("podSelector ").append(s));
      return sb.toString();
    }
  }

  /** An ipBlock: addresses in {@code cidr} but in none of {@code except}. */
  record IpBlock(Cidr cidr, List<Cidr> except) implements Peer {
    public IpBlock {
      except = List.copyOf(except);
    }

    public boolean contains(dev.weft.model.value.IpAddress ip) {
      return cidr.contains(ip) && except.stream().noneMatch(e -> e.contains(ip));
    }

    @Override
    public String toString() {
      return "ipBlock " + cidr + (except.isEmpty() ? "" : " except " + except);
    }
  }
}
