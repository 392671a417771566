package dev.weft.policy.model;

import java.util.List;
import java.util.Optional;

/** A Service: read and kept for reports; NetworkPolicy itself is evaluated on pods, after any service NAT. */
public record Service(String namespace, String name, Labels selector, List<ServicePort> ports) {
  public Service {
    ports = List.copyOf(ports);
  }

  /** One service port; {@code targetPort} is a number or a container port name. */
  public record ServicePort(Optional<String> name, Protocol protocol, int port, String targetPort) {}
}
