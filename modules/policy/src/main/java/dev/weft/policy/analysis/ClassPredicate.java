package dev.weft.policy.analysis;

import dev.weft.model.value.Cidr;
import dev.weft.policy.model.LabelSelector;
import java.util.List;
import java.util.Optional;

/**
 * A yes/no question that some policy asks about an endpoint. Endpoint classes are the blocks of the partition
 * in which every predicate has one answer per block. Records, so equal questions from different policies are
 * interned once.
 */
sealed interface ClassPredicate {
  /**
   * Pods whose namespace is {@code namespace} (when present) or matches {@code namespaceSelector}, and whose
   * labels match {@code podSelector}. Never external addresses.
   */
  record Selector(Optional<String> namespace, Optional<LabelSelector> namespaceSelector, LabelSelector podSelector) implements ClassPredicate {
    static Selector inNamespace(String ns, LabelSelector podSelector) {
      return new Selector(Optional.of(ns), Optional.empty(), podSelector);
    }

    static Selector inNamespaces(LabelSelector namespaceSelector, LabelSelector podSelector) {
      return new Selector(Optional.empty(), Optional.of(namespaceSelector), podSelector);
    }
  }

  /** Endpoints (pods by their IP, external ranges) inside one of {@code include} and none of {@code except}. */
  record Addresses(List<Cidr> include, List<Cidr> except) implements ClassPredicate {
    public Addresses {
      include = List.copyOf(include);
      except = List.copyOf(except);
    }
  }
}
