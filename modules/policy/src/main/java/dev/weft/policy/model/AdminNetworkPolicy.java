package dev.weft.policy.model;

import java.util.List;

/**
 * A policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy (priority 0..1000, lower wins) or, with
 * {@code baseline = true}, the BaselineAdminNetworkPolicy (evaluated after NetworkPolicy, no Pass).
 */
public record AdminNetworkPolicy(
    String name, int priority, boolean baseline, AdminSubject subject, List<AdminRule> ingress, List<AdminRule> egress) {

  public AdminNetworkPolicy {
    ingress = List.copyOf(ingress);
    egress = List.copyOf(egress);
  }

  public static AdminNetworkPolicy admin(String name, int priority, AdminSubject subject, List<AdminRule> ingress, List<AdminRule> egress) {
    return new AdminNetworkPolicy(name, priority, false, subject, ingress, egress);
  }

  public static AdminNetworkPolicy baseline(AdminSubject subject, List<AdminRule> ingress, List<AdminRule> egress) {
    return new AdminNetworkPolicy("default", Integer.MAX_VALUE, true, subject, ingress, egress);
  }

  public List<AdminRule> rules(Direction d) {
    return d == Direction.INGRESS ? ingress : egress;
  }

  public String kind() {
    return baseline ? "BaselineAdminNetworkPolicy" : "AdminNetworkPolicy";
  }
}
