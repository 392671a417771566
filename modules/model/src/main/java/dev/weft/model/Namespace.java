package dev.weft.model;

import dev.weft.model.value.Name;

/**
 * A network namespace: a host's root stack or a container's. Identity is the name alone (names are
 * unique across a model), so the record is cheap to use as a graph vertex.
 *
 * @param ipForward whether the stack forwards packets between its interfaces (net.ipv4.ip_forward)
 */
public record Namespace(Name name, Name host, NamespaceRole role, NetworkMode mode, boolean ipForward)
    implements Node {

  public Namespace {
    if (role == NamespaceRole.HOST && mode != NetworkMode.HOST) {
      throw new IllegalArgumentException("a host's own namespace has mode host, not " + mode.keyword());
    }
  }

  /** The root namespace of {@code host}, which forwards by default. */
  public static Namespace hostRoot(Name host) {
    return new Namespace(host, host, NamespaceRole.HOST, NetworkMode.HOST, true);
  }

  public boolean isHostRoot() {
    return role == NamespaceRole.HOST;
  }

  /** A container that shares its host's stack instead of having one. */
  public boolean sharesHostStack() {
    return role == NamespaceRole.CONTAINER && mode == NetworkMode.HOST;
  }

  @Override
  public String id() {
    return "ns:" + name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Namespace other && other.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }
}
