package dev.weft.netfilter.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.netfilter.ConnState;
import dev.weft.model.netfilter.Hook;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.netfilter.Table;
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
import org.junit.jupiter.api.Test;

/**
 * The Calico (felix, iptables data plane) chain shape: dispatch chains goto cali-fw-/cali-tw-, endpoint
 * chains accept established traffic, clear the marks and run per-policy chains (cali-pi-/cali-po-) that
 * set the accept mark 0x10000 and RETURN; FORWARD accepts on that mark, the endpoint chain drops the rest.
 * Pod frontend 10.244.1.10 is on cali1111aaaa; backend 10.244.1.11 on cali2222bbbb admits only frontend
 * on TCP 6379.
 */
class CalicoChainsTest {
  private static final Ruleset RULES = Dumps.withIpsets(Dumps.CALICO);
  private static final HostFacts NODE = HostFacts.of(Map.of("eth0", List.of(InterfaceAddress.parse("192.168.0.11/24"))));
  private static final IpAddress FRONTEND = IpAddress.parse("10.244.1.10");
  private static final IpAddress BACKEND = IpAddress.parse("10.244.1.11");
  private final RulesetEvaluator evaluator = new RulesetEvaluator(RULES, NODE);

  private TableResult forward(IpAddress src, String in, IpAddress dst, String out, int port, CtInfo ct) {
    return evaluator.trace(Table.FILTER, Hook.FORWARD,
        PacketContext.of(Packet.tcp(src, 40000, dst, port)).withIn(in).withOut(out).withCt(ct));
  }

  @Test
  void policyAcceptsFrontendToBackendOnTheAllowedPortWithMark0x10000() {
    TableOutcome o = forward(FRONTEND, "cali1111aaaa", BACKEND, "cali2222bbbb", 6379, CtInfo.NEW).single();
    assertThat(o.verdict()).isEqualTo(Verdict.ACCEPT);
    Decision.ByRule by = (Decision.ByRule) o.decision();
    assertThat(by.rule().chain().value()).isEqualTo("FORWARD");
    assertThat(by.rule().comment()).contains("cali:S93hcgKJrXEqnTfs; Policy explicitly accepted packet.");
    assertThat(o.packet().mark() & 0x10000).isEqualTo(0x10000);
    assertThat(o.trace()).anySatisfy(s -> assertThat(s).isEqualTo(
        new TraceStep.Jump(dev.weft.model.netfilter.ChainName.of("cali-pi-_4PJbM9zIrXjxw3gbXJf"), false)));
    assertThat(o.trace()).anySatisfy(s -> assertThat(s).isEqualTo(
        new TraceStep.Jump(dev.weft.model.netfilter.ChainName.of("cali-tw-cali2222bbbb"), true)));
  }

  @Test
  void anyOtherPortIsDroppedByTheWorkloadChain() {
    TableOutcome o = forward(FRONTEND, "cali1111aaaa", BACKEND, "cali2222bbbb", 80, CtInfo.NEW).single();
    assertThat(o.verdict()).isEqualTo(Verdict.DROP);
    Decision.ByRule by = (Decision.ByRule) o.decision();
    assertThat(by.rule().chain().value()).isEqualTo("cali-tw-cali2222bbbb");
    assertThat(by.rule().comment().orElseThrow()).endsWith("Drop if no policies passed packet");
    assertThat(by.rule().line()).hasValue(88);
  }

  @Test
  void workloadsWithoutPolicyUseTheNamespaceProfile() {
    assertThat(forward(BACKEND, "cali2222bbbb", FRONTEND, "cali1111aaaa", 8080, CtInfo.NEW).single().verdict())
        .isEqualTo(Verdict.ACCEPT);
    TableOutcome toWorld = forward(FRONTEND, "cali1111aaaa", IpAddress.parse("93.184.216.34"), "eth0", 443, CtInfo.NEW).single();
    assertThat(toWorld.verdict()).isEqualTo(Verdict.ACCEPT);
  }

  @Test
  void establishedTrafficIsAcceptedByTheEndpointChain() {
    TableOutcome o = forward(BACKEND, "cali2222bbbb", FRONTEND, "cali1111aaaa", 40000,
        new CtInfo(ConnState.ESTABLISHED, false, false)).single();
    assertThat(o.verdict()).isEqualTo(Verdict.ACCEPT);
    assertThat(((Decision.ByRule) o.decision()).rule().chain().value()).isEqualTo("cali-fw-cali2222bbbb");
  }

  @Test
  void unknownWorkloadInterfacesAreDropped() {
    TableOutcome o = forward(IpAddress.parse("10.244.1.99"), "cali9999zzzz", BACKEND, "cali2222bbbb", 6379, CtInfo.NEW).single();
    assertThat(o.verdict()).isEqualTo(Verdict.DROP);
    assertThat(((Decision.ByRule) o.decision()).rule().comment().orElseThrow()).endsWith("Unknown interface");
  }

  @Test
  void theRawRpfilterCheckIsNotInterpretedSoTheFullPathIsUnknown() {
    TrackedPacket p = TrackedPacket.fresh(PacketContext.of(Packet.tcp(FRONTEND, 40000, BACKEND, 6379))
        .withIn("cali1111aaaa").withOut("cali2222bbbb"));
    HookResult r = new NetfilterPipeline(evaluator, new Conntrack(), false).traverse(PacketPath.FORWARD, p, true);
    assertThat(r.outcomes()).singleElement().satisfies(o -> {
      assertThat(o.verdict()).isEqualTo(Verdict.UNKNOWN);
      assertThat(o.decision().toString()).contains("-m rpfilter --validmark --invert").contains("raw cali-PREROUTING #4");
    });
    TrackedPacket fromHost = TrackedPacket.fresh(PacketContext.of(Packet.tcp(IpAddress.parse("192.168.0.50"), 40000, BACKEND, 6379))
        .withIn("eth0").withOut("cali2222bbbb"));
    HookResult denied = new NetfilterPipeline(evaluator, new Conntrack(), false).traverse(PacketPath.FORWARD, fromHost, false);
    assertThat(denied.verdicts()).containsExactly(Verdict.DROP);
  }
}
