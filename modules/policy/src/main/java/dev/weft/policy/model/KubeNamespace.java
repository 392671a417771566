package dev.weft.policy.model;

/** A Namespace object: its name and labels (which include {@code kubernetes.io/metadata.name}). */
public record KubeNamespace(String name, Labels labels) {
  /** The label the API server sets on every namespace. */
  public static final String NAME_LABEL = "kubernetes.io/metadata.name";

  /** A namespace with only the label the API server would set. */
  public static KubeNamespace withDefaultLabels(String name) {
    return new KubeNamespace(name, Labels.of(NAME_LABEL, name));
  }
}
