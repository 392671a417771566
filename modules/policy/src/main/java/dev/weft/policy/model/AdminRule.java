package dev.weft.policy.model;

import java.util.List;

/**
 * One rule of an AdminNetworkPolicy or BaselineAdminNetworkPolicy. Rules are evaluated in order and the first
 * match decides. An empty {@code ports} list means all ports (the API's unset ports).
 */
public record AdminRule(String name, AdminAction action, List<AdminPeer> peers, List<PortMatch> ports) {
  public AdminRule {
    peers = List.copyOf(peers);
    ports = List.copyOf(ports);
  }
}
