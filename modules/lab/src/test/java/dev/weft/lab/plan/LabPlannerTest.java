package dev.weft.lab.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.lab.LabName;
import dev.weft.lab.kernel.LinkEnd;
import dev.weft.lab.kernel.LinkKind;
import dev.weft.lab.kernel.LinkState;
import dev.weft.lab.kernel.NamespaceState;
import dev.weft.lab.testing.LabFixtures;
import dev.weft.linux.netns.NetnsName;
import dev.weft.model.NetworkModel;
import dev.weft.model.netfilter.ChainName;
import dev.weft.model.netfilter.Hook;
import dev.weft.model.netfilter.Table;
import dev.weft.model.netfilter.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class LabPlannerTest {
  private final LabPlanner planner = new LabPlanner();
  private final LabName lab = LabName.of("lab1");

  static List<Path> topologies() {
    return LabFixtures.allTopologies();
  }

  /** Every veth end names a peer that names it back, in a namespace of the plan. */
  @ParameterizedTest
  @MethodSource("topologies")
  void vethPeersArePairedBothWays(Path file) {
    LabPlan plan = planner.plan(LabFixtures.load(file), lab);
    Map<NetnsName, PlannedNamespace> byName = plan.byName();
    for (PlannedNamespace ns : plan.namespaces()) {
      for (LinkState l : ns.state().links().values()) {
        if (l.kind() instanceof LinkKind.Veth v) {
          LinkEnd peer = v.peer().orElseThrow();
          LinkState far = byName.get(peer.namespace()).state().links().get(peer.name());
          assertThat(far).as("peer of %s:%s", ns.name(), l.name()).isNotNull();
          assertThat(((LinkKind.Veth) far.kind()).peer()).contains(new LinkEnd(ns.name(), l.name()));
          assertThat(far.mtu()).as("both ends of a veth share its MTU").isEqualTo(l.mtu());
        }
        l.master().ifPresent(m -> assertThat(ns.state().links().get(m).kind()).isInstanceOf(LinkKind.Bridge.class));
        if (l.kind() instanceof LinkKind.Vxlan x) {
          x.underlay().ifPresent(u -> assertThat(ns.state().links()).containsKey(u));
        }
      }
      assertThat(ns.name().value()).startsWith("lab1-");
    }
  }

  /** Hosts and containers with a stack of their own each get a namespace; segments get one with a bridge. */
  @Test
  void hostsContainersAndSegmentsBecomeNamespaces() {
    NetworkModel model = LabFixtures.load(LabFixtures.topology("host-and-none-mode.yaml"));
    LabPlan plan = planner.plan(model, lab);
    assertThat(plan.namespaces()).extracting(n -> n.name().value())
        .containsExactly("lab1--underlay", "lab1-node1", "lab1-batch-job", "lab1-web");
    NamespaceState underlay = plan.namespaces().getFirst().state();
    assertThat(underlay.links().get(KernelNames.SEGMENT_BRIDGE).kind()).isInstanceOf(LinkKind.Bridge.class);
    assertThat(underlay.links().values()).filteredOn(l -> l.kind() instanceof LinkKind.Veth)
        .allSatisfy(l -> assertThat(l.master()).contains(KernelNames.SEGMENT_BRIDGE));
    NamespaceState none = plan.namespace(NetnsName.of("lab1-batch-job")).orElseThrow().state();
    assertThat(none.links()).containsOnlyKeys(KernelNames.LOOPBACK);
    assertThat(none.sysctls()).containsEntry(dev.weft.linux.sysctl.SysctlKey.parse("net.ipv4.ip_forward"), "0");
  }

  /**
   * ipMasq, which the model holds as rules (a jump from nat POSTROUTING to WEFT-MASQ-br0), is laid out with
   * the rest: POSTROUTING only hooks WEFT-POSTROUTING, which jumps to the renamed user chain.
   */
  @Test
  void ipMasqRulesAreLaidOutUnderWeftChains() {
    NetworkModel model = LabFixtures.load(LabFixtures.topology("single-host-bridge.yaml"));
    NamespaceState host = planner.plan(model, lab).namespace(NetnsName.of("lab1-host1")).orElseThrow().state();
    var nat = host.rules().table(Table.NAT);
    ChainName hook = ChainName.of("WEFT-POSTROUTING");
    assertThat(nat.builtin(Hook.POSTROUTING).rules()).singleElement()
        .satisfies(r -> assertThat(r.target()).isEqualTo(new Target.Jump(hook)));
    Target jump = nat.chain(hook).orElseThrow().rules().getFirst().target();
    assertThat(jump).isInstanceOf(Target.Jump.class);
    ChainName masq = ((Target.Jump) jump).chain();
    assertThat(masq.value()).startsWith("WEFTU-");
    assertThat(nat.chain(masq).orElseThrow().rules()).anySatisfy(r -> assertThat(r.target()).isInstanceOf(Target.Masquerade.class));
  }

  /** A rule set naming an ipset cannot be deployed here: the plan says so as a blocker. */
  @Test
  void ipsetsBlockADeploy() {
    NetworkModel model = LabFixtures.load(LabFixtures.topology("single-host-bridge.yaml"));
    var rules = model.ruleset(dev.weft.model.value.Name.of("host1")).withIpsets(java.util.Map.of("allowed",
        new dev.weft.model.netfilter.IpSet("allowed", dev.weft.model.netfilter.IpSetType.HASH_IP, java.util.List.of())));
    NetworkModel withSet = dev.weft.lab.testing.ModelRules.withRulesets(model, java.util.Map.of(dev.weft.model.value.Name.of("host1"), rules));
    assertThat(planner.plan(withSet, lab).blockers()).singleElement().asString().contains("ipset 'allowed'");
    assertThat(planner.plan(model, lab).blockers()).isEmpty();
  }

  /** Flannel-style L3 VXLAN: the device, its FDB entries, neighbours and onlink routes are all planned. */
  @Test
  void l3OverlayCarriesFdbNeighboursAndOnlinkRoutes() {
    NetworkModel model = LabFixtures.load(LabFixtures.topology("three-host-routed.yaml"));
    NamespaceState host1 = planner.plan(model, lab).namespace(NetnsName.of("lab1-host1")).orElseThrow().state();
    assertThat(host1.links().values()).filteredOn(l -> l.kind() instanceof LinkKind.Vxlan).singleElement()
        .satisfies(l -> assertThat(((LinkKind.Vxlan) l.kind()).port()).isEqualTo(8472));
    assertThat(host1.fdb()).hasSize(2);
    assertThat(host1.neighbours()).hasSize(2);
    assertThat(host1.routes()).filteredOn(r -> r.onlink()).hasSize(2);
  }
}
