package dev.weft.policy.e2e;

import static dev.weft.policy.Policies.andPeer;
import static dev.weft.policy.Policies.any;
import static dev.weft.policy.Policies.both;
import static dev.weft.policy.Policies.defaulted;
import static dev.weft.policy.Policies.egress;
import static dev.weft.policy.Policies.ingress;
import static dev.weft.policy.Policies.ipBlock;
import static dev.weft.policy.Policies.named;
import static dev.weft.policy.Policies.nsPeer;
import static dev.weft.policy.Policies.podPeer;
import static dev.weft.policy.Policies.range;
import static dev.weft.policy.Policies.rule;
import static dev.weft.policy.Policies.sctp;
import static dev.weft.policy.Policies.sel;
import static dev.weft.policy.Policies.tcp;
import static dev.weft.policy.Policies.udp;
import static dev.weft.policy.model.Protocol.SCTP;
import static dev.weft.policy.model.Protocol.TCP;
import static dev.weft.policy.model.Protocol.UDP;

import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.LabelRequirement;
import dev.weft.policy.model.LabelSelector;
import dev.weft.policy.model.Labels;
import dev.weft.policy.model.SelectorOperator;
import dev.weft.policy.ports.PortSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scenarios of the upstream e2e netpol suite, re-expressed as truth tables over namespaces x, y, z and
 * pods a, b, c serving 80/81 on TCP, UDP and SCTP. Every scenario is checked against every engine.
 */
class NetpolScenariosTest {
  private static final LabelSelector ALL = LabelSelector.ALL;
  private static final LabelSelector A = sel("pod", "a");

  @Test
  void noPoliciesAllowEverything() {
    new Scenario(E2eCluster.with()).check(Truth.allowAll(), TCP, 80, UDP, 81, SCTP, 80);
  }

  @Test
  void defaultDenyIngressIsolatesEveryPodOfTheNamespace() {
    new Scenario(E2eCluster.with(ingress("x", "deny-all", ALL)))
        .check(Truth.allowAll().ingressNamespace("x", false), TCP, 80, TCP, 81, UDP, 80, SCTP, 81);
  }

  @Test
  void defaultDenyEgressIsolatesOutboundOnly() {
    new Scenario(E2eCluster.with(egress("x", "deny-egress", ALL)))
        .check(Truth.allowAll().egressNamespace("x", false), TCP, 80, UDP, 81);
  }

  @Test
  void defaultDenyBothDirections() {
    new Scenario(E2eCluster.with(both("x", "deny", ALL, List.of(), List.of())))
        .check(Truth.allowAll().ingressNamespace("x", false).egressNamespace("x", false), TCP, 80, SCTP, 80);
  }

  @Test
  void allowAllIngressWithEmptyRule() {
    new Scenario(E2eCluster.with(ingress("x", "deny", ALL), ingress("x", "allow-all", ALL, any())))
        .check(Truth.allowAll(), TCP, 80, UDP, 81);
  }

  @Test
  void podSelectorPeerMeansSameNamespace() {
    Truth t = Truth.allowAll().ingress("x/a", false).set("x/b", "x/a", true);
    new Scenario(E2eCluster.with(ingress("x", "allow-b", A, rule(List.of(podPeer("pod", "b")))))).check(t, TCP, 80, UDP, 81);
  }

  @Test
  void namespaceSelectorPeerMeansEveryPodThere() {
    Truth t = Truth.allowAll().ingress("x/a", false).fromNamespace("y", "x/a", true);
    new Scenario(E2eCluster.with(ingress("x", "allow-y", A, rule(List.of(nsPeer("ns", "y")))))).check(t, TCP, 80);
  }

  @Test
  void emptyNamespaceSelectorMeansEveryNamespace() {
    Truth t = Truth.allowAll().ingress("x/a", false).set("x/b", "x/a", true).set("y/b", "x/a", true).set("z/b", "x/a", true);
    new Scenario(E2eCluster.with(ingress("x", "allow-b-anywhere", A, rule(List.of(andPeer(ALL, sel("pod", "b"))))))).check(t, TCP, 80);
  }

  @Test
  void selectorsInOnePeerAreAnded() {
    Truth t = Truth.allowAll().ingress("x/a", false).set("y/b", "x/a", true);
    new Scenario(E2eCluster.with(ingress("x", "and", A, rule(List.of(andPeer(sel("ns", "y"), sel("pod", "b"))))))).check(t, TCP, 80, UDP, 80);
  }

  @Test
  void selectorsInSeparatePeersAreOred() {
    Truth t = Truth.allowAll().ingress("x/a", false).fromNamespace("y", "x/a", true).set("x/b", "x/a", true);
    new Scenario(E2eCluster.with(ingress("x", "or", A, rule(List.of(nsPeer("ns", "y"), podPeer("pod", "b")))))).check(t, TCP, 80);
  }

  @Test
  void matchExpressionsNotInAndExists() {
    LabelSelector notX = new LabelSelector(Labels.EMPTY, List.of(new LabelRequirement("ns", SelectorOperator.NOT_IN, List.of("x"))));
    LabelSelector hasPod = new LabelSelector(Labels.EMPTY, List.of(new LabelRequirement("pod", SelectorOperator.EXISTS, List.of())));
    Truth t = Truth.allowAll().ingress("x/a", false).fromNamespace("y", "x/a", true).fromNamespace("z", "x/a", true);
    new Scenario(E2eCluster.with(ingress("x", "expr", A, rule(List.of(andPeer(notX, hasPod)))))).check(t, TCP, 81);
  }

  @Test
  void numberedPortOpensOnlyThatPortAndProtocol() {
    Truth denied = Truth.allowAll().ingress("x/a", false);
    new Scenario(E2eCluster.with(ingress("x", "only-81", A, rule(List.of(nsPeer()), tcp(81)))))
        .check(Truth.allowAll(), TCP, 81)
        .check(denied, TCP, 80, UDP, 81, SCTP, 81);
  }

  @Test
  void namedPortResolvesOnTheDestinationWithItsProtocol() {
    Truth denied = Truth.allowAll().ingress("x/a", false);
    new Scenario(E2eCluster.with(ingress("x", "named", A, rule(List.of(), named("serve-80-udp", UDP)))))
        .check(Truth.allowAll(), UDP, 80)
        .check(denied, TCP, 80, UDP, 81, SCTP, 80);
  }

  @Test
  void namedPortWithWrongProtocolAllowsNothing() {
    Truth denied = Truth.allowAll().ingress("x/a", false);
    new Scenario(E2eCluster.with(ingress("x", "mismatch", A, rule(List.of(), named("serve-80-tcp", UDP)))))
        .check(denied, TCP, 80, UDP, 80, SCTP, 80);
  }

  @Test
  void namedPortOnEgressResolvesOnTheDestination() {
    Truth t = Truth.allowAll().egress("x/a", false);
    Cluster c = E2eCluster.with(egress("x", "named-egress", A, rule(List.of(), named("serve-81-tcp", TCP))));
    new Scenario(c).check(Truth.allowAll(), TCP, 81).check(t, TCP, 80, UDP, 81);
  }

  @Test
  void endPortOpensAnInclusiveRange() {
    Truth denied = Truth.allowAll().ingress("x/a", false);
    new Scenario(E2eCluster.with(ingress("x", "range", A, rule(List.of(), range(TCP, 81, 90)))))
        .check(Truth.allowAll(), TCP, 81)
        .check(denied, TCP, 80, UDP, 81)
        .ports("y/b", "x/a", PortSet.of(TCP, new dev.weft.model.value.PortRange(81, 90)));
  }

  @Test
  void multiplePoliciesUnion() {
    Cluster c = E2eCluster.with(
        ingress("x", "b-on-80", A, rule(List.of(podPeer("pod", "b")), tcp(80))),
        ingress("x", "y-on-81", A, rule(List.of(nsPeer("ns", "y")), tcp(81))));
    new Scenario(c)
        .check(TCP, 80, Truth.allowAll().ingress("x/a", false).set("x/b", "x/a", true))
        .check(TCP, 81, Truth.allowAll().ingress("x/a", false).fromNamespace("y", "x/a", true))
        .ports("x/b", "x/a", PortSet.of(TCP, 80));
  }

  @Test
  void ipBlockWithExceptOnEgress() {
    Cluster plain = E2eCluster.with();
    String yb = E2eCluster.pod(plain, "y/b").ip() + "/32";
    Cluster c = E2eCluster.with(egress("x", "cidr-except", A, rule(List.of(ipBlock("10.244.0.0/16", yb)))));
    new Scenario(c).check(Truth.allowAll().set("x/a", "y/b", false), TCP, 80, UDP, 81);
  }

  @Test
  void exceptedAddressAllowedByAnotherPolicy() {
    Cluster plain = E2eCluster.with();
    String yb = E2eCluster.pod(plain, "y/b").ip() + "/32";
    Cluster c = E2eCluster.with(
        egress("x", "cidr-except", A, rule(List.of(ipBlock("10.244.0.0/16", yb)))),
        egress("x", "allow-yb", A, rule(List.of(andPeer(sel("ns", "y"), sel("pod", "b"))), tcp(80))));
    new Scenario(c)
        .check(Truth.allowAll(), TCP, 80)
        .check(Truth.allowAll().set("x/a", "y/b", false), TCP, 81, UDP, 80);
  }

  @Test
  void egressDenyStillAllowsDns() {
    Cluster c = E2eCluster.with(
        egress("x", "deny", ALL),
        egress("x", "dns", ALL, rule(List.of(nsPeer()), udp(53), tcp(53))));
    new Scenario(c)
        .check(Truth.allowAll().egressNamespace("x", false), TCP, 80, UDP, 81)
        .check(Truth.allowAll(), UDP, 53, TCP, 53);
  }

  @Test
  void sctpRuleDoesNotOpenTcpButStillIsolates() {
    Truth denied = Truth.allowAll().ingress("x/a", false);
    new Scenario(E2eCluster.with(ingress("x", "sctp", A, rule(List.of(), sctp(80)))))
        .check(Truth.allowAll(), SCTP, 80)
        .check(denied, TCP, 80, UDP, 80, SCTP, 81);
  }

  @Test
  void policiesDoNotReachAcrossNamespaces() {
    new Scenario(E2eCluster.with(ingress("y", "deny", ALL), egress("z", "deny", sel("pod", "c"))))
        .check(Truth.allowAll().ingressNamespace("y", false).egress("z/c", false), TCP, 80);
  }

  @Test
  void egressAndIngressMustBothAllow() {
    Cluster c = E2eCluster.with(
        egress("x", "a-only-to-y", A, rule(List.of(nsPeer("ns", "y")))),
        ingress("y", "b-only-from-z", sel("pod", "b"), rule(List.of(nsPeer("ns", "z")))));
    Truth t = Truth.allowAll().egress("x/a", false).fromNamespace("x", "y/a", true).set("x/a", "y/a", true).set("x/a", "y/c", true)
        .ingress("y/b", false).fromNamespace("z", "y/b", true);
    new Scenario(c).check(t, TCP, 80);
  }

  @Test
  void policyTypesDefaulting() {
    // egress rules without policyTypes: Ingress and Egress are both isolated
    Cluster c = E2eCluster.with(defaulted("x", "egress-rules", A, List.of(), List.of(rule(List.of(nsPeer("ns", "y"))))));
    Truth t = Truth.allowAll().ingress("x/a", false).egress("x/a", false).set("x/a", "y/a", true).set("x/a", "y/b", true).set("x/a", "y/c", true);
    new Scenario(c).check(t, TCP, 80);
    // no egress rules and no policyTypes: only Ingress
    Cluster d = E2eCluster.with(defaulted("x", "ingress-only", A, List.of(), List.of()));
    new Scenario(d).check(Truth.allowAll().ingress("x/a", false), TCP, 80);
  }

  @Test
  void ipBlockPeerMatchesExternalAddresses() {
    Cluster c = E2eCluster.with(egress("x", "to-net", A, rule(List.of(ipBlock("203.0.113.0/24", "203.0.113.128/25")), tcp(443))));
    var sem = new dev.weft.policy.semantics.PolicySemantics(c);
    var eng = dev.weft.policy.analysis.ConnectivityEngine.build(c);
    var xa = dev.weft.policy.semantics.Endpoint.of(E2eCluster.pod(c, "x/a"));
    for (String ip : List.of("203.0.113.5", "203.0.113.200", "198.51.100.1")) {
      var ext = dev.weft.policy.semantics.Endpoint.of(dev.weft.model.value.IpAddress.parse(ip));
      PortSet expected = ip.equals("203.0.113.5") ? PortSet.of(TCP, 443) : PortSet.EMPTY;
      org.assertj.core.api.Assertions.assertThat(sem.allowedPorts(xa, ext)).contains(expected);
      org.assertj.core.api.Assertions.assertThat(eng.allowed(xa, ext)).contains(expected);
      org.assertj.core.api.Assertions.assertThat(eng.allowed(ext, xa)).contains(PortSet.ALL);
    }
  }
}
