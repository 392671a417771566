package dev.weft.policy.e2e;

import static dev.weft.policy.Policies.ingress;
import static dev.weft.policy.Policies.nsPeer;
import static dev.weft.policy.Policies.rule;
import static dev.weft.policy.Policies.sel;
import static dev.weft.policy.Policies.tcp;
import static dev.weft.policy.model.Protocol.TCP;

import dev.weft.model.value.Cidr;
import dev.weft.policy.model.AdminAction;
import dev.weft.policy.model.AdminNetworkPolicy;
import dev.weft.policy.model.AdminPeer;
import dev.weft.policy.model.AdminRule;
import dev.weft.policy.model.AdminSubject;
import dev.weft.policy.model.ClusterBuilder;
import dev.weft.policy.model.LabelSelector;
import dev.weft.policy.model.NetworkPolicy;
import dev.weft.policy.model.PortMatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AdminNetworkPolicy → NetworkPolicy → BaselineAdminNetworkPolicy precedence, with Pass, on the e2e cluster. */
class AdminTierScenariosTest {
  private static final AdminSubject NS_X = AdminSubject.namespaces(sel("ns", "x"));

  private static AdminRule from(AdminAction a, String ns, PortMatch... ports) {
    return new AdminRule(a.apiName().toLowerCase() + "-" + ns, a, List.of(new AdminPeer.Pods(sel("ns", ns), LabelSelector.ALL)), List.of(ports));
  }

  private static Scenario scenario(List<AdminNetworkPolicy> admin, NetworkPolicy... nps) {
    ClusterBuilder b = E2eCluster.builder();
    admin.forEach(b::admin);
    for (NetworkPolicy p : nps) {
      b.policy(p);
    }
    return new Scenario(b.build());
  }

  @Test
  void anpDenyBeatsNetworkPolicyAllow() {
    scenario(List.of(AdminNetworkPolicy.admin("deny-y", 10, NS_X, List.of(from(AdminAction.DENY, "y")), List.of())),
        ingress("x", "allow-all", LabelSelector.ALL, rule(List.of(nsPeer()))))
        .check(TCP, 80, Truth.allowAll().fromNamespace("y", "x/a", false).fromNamespace("y", "x/b", false).fromNamespace("y", "x/c", false));
  }

  @Test
  void anpAllowBeatsNetworkPolicyDeny() {
    scenario(List.of(AdminNetworkPolicy.admin("allow-y", 10, NS_X, List.of(from(AdminAction.ALLOW, "y", tcp(80))), List.of())),
        ingress("x", "deny", LabelSelector.ALL))
        .check(TCP, 80, Truth.allowAll().ingressNamespace("x", false).fromNamespace("y", "x/a", true).fromNamespace("y", "x/b", true).fromNamespace("y", "x/c", true))
        .check(TCP, 81, Truth.allowAll().ingressNamespace("x", false));
  }

  @Test
  void lowerPriorityValueWins() {
    scenario(List.of(
            AdminNetworkPolicy.admin("deny-y-20", 20, NS_X, List.of(from(AdminAction.DENY, "y")), List.of()),
            AdminNetworkPolicy.admin("allow-y-5", 5, NS_X, List.of(from(AdminAction.ALLOW, "y")), List.of())))
        .check(TCP, 80, Truth.allowAll());
  }

  @Test
  void firstMatchingRuleWinsWithinOnePolicy() {
    scenario(List.of(AdminNetworkPolicy.admin("ordered", 1, NS_X,
            List.of(from(AdminAction.ALLOW, "y", tcp(80)), from(AdminAction.DENY, "y")), List.of())))
        .check(TCP, 80, Truth.allowAll())
        .check(TCP, 81, Truth.allowAll().fromNamespace("y", "x/a", false).fromNamespace("y", "x/b", false).fromNamespace("y", "x/c", false));
  }

  @Test
  void passHandsTheDecisionToNetworkPolicy() {
    // ANP passes y; a later ANP would deny y, but Pass skips it; NetworkPolicy in x allows only y/b
    scenario(List.of(
            AdminNetworkPolicy.admin("pass-y", 1, NS_X, List.of(from(AdminAction.PASS, "y")), List.of()),
            AdminNetworkPolicy.admin("deny-y", 2, NS_X, List.of(from(AdminAction.DENY, "y"), from(AdminAction.DENY, "z")), List.of())),
        ingress("x", "only-yb", sel("pod", "a"), rule(List.of(dev.weft.policy.Policies.andPeer(sel("ns", "y"), sel("pod", "b"))))))
        .check(TCP, 80, Truth.allowAll()
            .set("y/a", "x/a", false).set("y/c", "x/a", false).set("x/b", "x/a", false).set("x/c", "x/a", false)
            .fromNamespace("z", "x/a", false).fromNamespace("z", "x/b", false).fromNamespace("z", "x/c", false));
  }

  @Test
  void baselineAppliesOnlyWhereNoNetworkPolicyIsolates() {
    AdminNetworkPolicy banp = AdminNetworkPolicy.baseline(NS_X, List.of(from(AdminAction.DENY, "y")), List.of());
    // x/a is isolated by a NetworkPolicy allowing everything: the baseline deny does not reach it
    scenario(List.of(banp), ingress("x", "allow-all-to-a", sel("pod", "a"), rule(List.of(nsPeer()))))
        .check(TCP, 80, Truth.allowAll().fromNamespace("y", "x/b", false).fromNamespace("y", "x/c", false));
  }

  @Test
  void passFallsThroughToBaselineWhenNoNetworkPolicy() {
    scenario(List.of(
            AdminNetworkPolicy.admin("pass-y", 1, NS_X, List.of(from(AdminAction.PASS, "y")), List.of()),
            AdminNetworkPolicy.baseline(NS_X, List.of(from(AdminAction.DENY, "y")), List.of())))
        .check(TCP, 80, Truth.allowAll().fromNamespace("y", "x/a", false).fromNamespace("y", "x/b", false).fromNamespace("y", "x/c", false));
  }

  @Test
  void egressNetworksPeer() {
    AdminNetworkPolicy deny = AdminNetworkPolicy.admin("no-pod-net", 3, NS_X, List.of(),
        List.of(new AdminRule("deny-pods", AdminAction.DENY, List.of(new AdminPeer.Networks(List.of(Cidr.parse("10.244.0.0/16")))), List.of())));
    scenario(List.of(deny)).check(TCP, 80, Truth.allowAll().egressNamespace("x", false));
  }
}
