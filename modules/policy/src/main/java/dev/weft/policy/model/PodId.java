package dev.weft.policy.model;

/** A pod's namespace and name; written {@code ns/name}. */
public record PodId(String namespace, String name) implements Comparable<PodId> {
  @Override
  public int compareTo(PodId o) {
    int c = namespace.compareTo(o.namespace);
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
