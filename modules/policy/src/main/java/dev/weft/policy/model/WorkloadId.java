package dev.weft.policy.model;

import java.util.Comparator;

/**
 * The workload that owns pods: kind (Deployment, StatefulSet, …, or Pod for a bare pod), namespace and name.
 * Written {@code ns/name}; the kind shows in detailed output only.
 */
public record WorkloadId(String kind, String namespace, String name) implements Comparable<WorkloadId> {
  private static final Comparator<WorkloadId> ORDER =
      Comparator.comparing(WorkloadId::namespace).thenComparing(WorkloadId::name).thenComparing(WorkloadId::kind);

  /** {@code ns/name} */
  public String qualifiedName() {
    return namespace + "/" + name;
  }

  @Override
  public int compareTo(WorkloadId o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return qualifiedName();
  }
}
