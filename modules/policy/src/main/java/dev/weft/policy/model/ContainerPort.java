package dev.weft.policy.model;

import java.util.Optional;

/** A container port: named ports in policies resolve against these on the destination pod. */
public record ContainerPort(Optional<String> name, int port, Protocol protocol) {
  public ContainerPort {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("container port out of range: " + port);
    }
  }

  public static ContainerPort named(String name, int port, Protocol protocol) {
    return new ContainerPort(Optional.of(name), port, protocol);
  }
}
