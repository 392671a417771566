package dev.weft.policy.model;

import java.util.List;

/**
 * One ingress or egress rule of a NetworkPolicy. An empty peer list means every peer; an empty port list
 * means every port of every protocol. Traffic must match a peer AND a port.
 */
public record PolicyRule(List<Peer> peers, List<PortMatch> ports) {
  public static final PolicyRule ALLOW_ALL = new PolicyRule(List.of(), List.of());

  public PolicyRule {
    peers = List.copyOf(peers);
    ports = List.copyOf(ports);
  }
}
