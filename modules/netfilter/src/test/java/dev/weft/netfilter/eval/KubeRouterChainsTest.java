package dev.weft.netfilter.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.netfilter.Hook;
import dev.weft.model.netfilter.RejectWith;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.netfilter.Table;
import dev.weft.model.netfilter.Target;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.IpAddress;
import dev.weft.netfilter.Dumps;
import dev.weft.netfilter.pipeline.Conntrack;
import dev.weft.netfilter.pipeline.HookResult;
import dev.weft.netfilter.pipeline.NetfilterPipeline;
import dev.weft.netfilter.pipeline.PacketPath;
import dev.weft.netfilter.pipeline.TrackedPacket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The kube-router chain shape: per-pod KUBE-POD-FW-, per-policy KUBE-NWPLCY- testing ipsets KUBE-SRC-/
 * KUBE-DST-, mark 0x10000 on allow, final {@code ! --mark 0x10000/0x10000 -j REJECT}, and 0x20000 for
 * KUBE-ROUTER-FORWARD to accept. Pods share the bridge kube-bridge.
 */
class KubeRouterChainsTest {
  private static final HostFacts NODE = HostFacts.of(Map.of(
      "eth0", List.of(InterfaceAddress.parse("192.168.0.11/24")),
      "kube-bridge", List.of(InterfaceAddress.parse("10.244.1.1/24"))));
  private static final IpAddress FRONTEND = IpAddress.parse("10.244.1.10");
  private static final IpAddress BACKEND = IpAddress.parse("10.244.1.11");
  private static final IpAddress OTHER = IpAddress.parse("10.244.1.12");

  private final RulesetEvaluator withSets = new RulesetEvaluator(Dumps.withIpsets(Dumps.KUBE_ROUTER), NODE);
  private final RulesetEvaluator withoutSets = new RulesetEvaluator(Dumps.parse(Dumps.KUBE_ROUTER).ruleset(), NODE);

  private static PacketContext routed(IpAddress src, IpAddress dst, int port) {
    return PacketContext.of(Packet.tcp(src, 40000, dst, port)).withIn("kube-bridge").withOut("kube-bridge");
  }

  @Test
  void theSelectedSourceReachesTheAllowedPort() {
    TableOutcome o = withSets.trace(Table.FILTER, Hook.FORWARD, routed(FRONTEND, BACKEND, 6379)).single();
    assertThat(o.verdict()).isEqualTo(Verdict.ACCEPT);
    Decision.ByRule by = (Decision.ByRule) o.decision();
    assertThat(by.rule().chain().value()).isEqualTo("KUBE-ROUTER-FORWARD");
    assertThat(by.rule().comment().orElseThrow()).startsWith("rule to explicitly ACCEPT traffic");
    assertThat(o.packet().mark()).isEqualTo(0x20000);
  }

  @Test
  void everythingElseToThePodIsRejected() {
    for (PacketContext p : List.of(routed(OTHER, BACKEND, 6379), routed(FRONTEND, BACKEND, 80))) {
      TableOutcome o = withSets.evaluate(Table.FILTER, Hook.FORWARD, p).single();
      assertThat(o.verdict()).isEqualTo(Verdict.REJECT);
      Decision.ByRule by = (Decision.ByRule) o.decision();
      assertThat(by.rule().rule().target()).isEqualTo(new Target.Reject(RejectWith.ICMP_PORT_UNREACHABLE));
      assertThat(by.rule().chain().value()).isEqualTo("KUBE-POD-FW-4ZAGTHLCNDDH4QVB");
    }
  }

  @Test
  void withoutIpsetContentsOnlyTheUndecidablePacketsAreUnknown() {
    TableOutcome unsure = withoutSets.trace(Table.FILTER, Hook.FORWARD, routed(FRONTEND, BACKEND, 6379)).single();
    assertThat(unsure.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(unsure.decision().toString()).contains("KUBE-SRC-FRQWLI6ZQT3IVH4H").contains("line 16");
    assertThat(withoutSets.evaluate(Table.FILTER, Hook.FORWARD, routed(FRONTEND, BACKEND, 80)).single().verdict())
        .isEqualTo(Verdict.REJECT);
    assertThat(withoutSets.evaluate(Table.FILTER, Hook.FORWARD, routed(FRONTEND, OTHER, 6379)).single().verdict())
        .isEqualTo(Verdict.ACCEPT);
  }

  @Test
  void theNodeItselfMayReachThePod() {
    PacketContext p = PacketContext.of(Packet.tcp(IpAddress.parse("10.244.1.1"), 40000, BACKEND, 80)).withOut("kube-bridge");
    TableOutcome o = withSets.evaluate(Table.FILTER, Hook.OUTPUT, p).single();
    assertThat(o.verdict()).isEqualTo(Verdict.ACCEPT);
    assertThat(((Decision.ByRule) o.decision()).rule().comment().orElseThrow()).contains("pod's local node");
  }

  @Test
  void bridgedFramesMeetTheRulesOnlyWithBrNetfilter() {
    PacketContext bridged = routed(OTHER, BACKEND, 6379).withBridge(Optional.of(
        new PacketContext.BridgePorts(Optional.of("veth-other"), Optional.of("veth-backend"))));
    HookResult on = new NetfilterPipeline(withSets, new Conntrack(), true)
        .traverse(PacketPath.FORWARD, TrackedPacket.fresh(bridged), false);
    assertThat(on.verdicts()).containsExactly(Verdict.REJECT);
    HookResult off = new NetfilterPipeline(withSets, new Conntrack(), false)
        .traverse(PacketPath.FORWARD, TrackedPacket.fresh(bridged), true);
    assertThat(off.verdicts()).containsExactly(Verdict.ACCEPT);
    assertThat(off.outcomes().getFirst().decision()).isInstanceOf(Decision.Bypassed.class);
    PacketContext allowedBridged = routed(FRONTEND, BACKEND, 6379).withBridge(bridged.bridge());
    assertThat(new NetfilterPipeline(withSets, new Conntrack(), true)
        .traverse(PacketPath.FORWARD, TrackedPacket.fresh(allowedBridged), false).verdicts()).containsExactly(Verdict.ACCEPT);
  }

  @Test
  void theLimitedLogRuleDoesNotForkTheVerdict() {
    TableResult r = withSets.trace(Table.FILTER, Hook.FORWARD, routed(OTHER, BACKEND, 6379));
    assertThat(r.outcomes()).hasSize(1);
  }
}
