package dev.weft.netfilter.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.weft.model.netfilter.Hook;
import dev.weft.model.netfilter.RejectWith;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.netfilter.Table;
import dev.weft.model.netfilter.Target;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.IpAddress;
import dev.weft.netfilter.Dumps;
import dev.weft.netfilter.eval.Decision;
import dev.weft.netfilter.eval.HostFacts;
import dev.weft.netfilter.eval.NatRequest;
import dev.weft.netfilter.eval.Packet;
import dev.weft.netfilter.eval.PacketContext;
import dev.weft.netfilter.eval.RulesetEvaluator;
import dev.weft.netfilter.eval.TableOutcome;
import dev.weft.netfilter.eval.TableResult;
import dev.weft.netfilter.eval.TraceStep;
import dev.weft.netfilter.eval.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The kube-proxy (iptables mode) service cases on a node 192.168.0.11 whose pods sit behind cni0
 * (10.244.1.1/24): single and multiple endpoints, masquerade via mark 0x4000, REJECT without endpoints.
 */
class KubeProxyTest {
  private static final Ruleset RULES = Dumps.withIpsets(Dumps.KUBE_PROXY);
  private static final HostFacts NODE = HostFacts.of(Map.of(
      "lo", List.of(InterfaceAddress.parse("127.0.0.1/8")),
      "eth0", List.of(InterfaceAddress.parse("192.168.0.11/24")),
      "cni0", List.of(InterfaceAddress.parse("10.244.1.1/24")),
      "flannel.1", List.of(InterfaceAddress.parse("10.244.1.0/32"))));
  private static final IpAddress POD = ip("10.244.1.20");

  private final RulesetEvaluator evaluator = new RulesetEvaluator(RULES, NODE);

  static IpAddress ip(String s) {
    return IpAddress.parse(s);
  }

  private NetfilterPipeline pipeline() {
    return new NetfilterPipeline(evaluator, new Conntrack(), false);
  }

  private static TrackedPacket fromPod(IpAddress dst, int port, String out) {
    return TrackedPacket.fresh(PacketContext.of(Packet.tcp(POD, 40000, dst, port)).withIn("cni0").withOut(out));
  }

  @Test
  void singleEndpointServiceIsDnattedWithoutMasquerade() {
    TableResult nat = evaluator.evaluate(Table.NAT, Hook.PREROUTING,
        PacketContext.of(Packet.tcp(POD, 40000, ip("10.96.0.20"), 9090)).withIn("cni0"));
    TableOutcome o = nat.single();
    assertThat(o.nat()).containsInstanceOf(NatRequest.Dnat.class);
    assertThat(((NatRequest.Dnat) o.nat().orElseThrow()).to().toString()).isEqualTo("10.244.1.9:9090");
    assertThat(o.packet().mark()).isZero();

    HookResult r = pipeline().traverse(PacketPath.FORWARD, fromPod(ip("10.96.0.20"), 9090, "cni0"), false);
    assertThat(r.outcomes()).singleElement().satisfies(out -> {
      assertThat(out.verdict()).isEqualTo(Verdict.ACCEPT);
      Packet p = out.packet().context().packet();
      assertThat(p).isEqualTo(Packet.tcp(POD, 40000, ip("10.244.1.9"), 9090));
      assertThat(out.decision()).isInstanceOf(Decision.ByPolicy.class);
    });
  }

  @Test
  void multipleEndpointsAreEachPossibleWithEqualProbability() {
    TableResult nat = evaluator.trace(Table.NAT, Hook.PREROUTING,
        PacketContext.of(Packet.tcp(POD, 40000, ip("10.96.0.10"), 80)).withIn("cni0"));
    Map<String, Double> byEndpoint = nat.outcomes().stream().collect(Collectors.toMap(
        o -> ((NatRequest.Dnat) o.nat().orElseThrow()).to().toString(),
        o -> dev.weft.netfilter.eval.PathProbability.of(o.trace())));
    assertThat(byEndpoint).containsOnlyKeys("10.244.1.5:8080", "10.244.2.6:8080", "10.244.2.7:8080");
    byEndpoint.values().forEach(p -> assertThat(p).isCloseTo(1.0 / 3, within(1e-9)));
    assertThat(evaluator.evaluate(Table.NAT, Hook.PREROUTING,
        PacketContext.of(Packet.tcp(POD, 40000, ip("10.96.0.10"), 80)).withIn("cni0")).outcomes()).hasSize(3);
  }

  @Test
  void hairpinToItselfIsMasqueradedViaMark0x4000() {
    TrackedPacket p = TrackedPacket.fresh(PacketContext.of(Packet.tcp(ip("10.244.1.5"), 40000, ip("10.96.0.10"), 80))
        .withIn("cni0").withOut("cni0"));
    HookResult r = pipeline().traverse(PacketPath.FORWARD, p, false);
    assertThat(r.verdicts()).containsExactly(Verdict.ACCEPT);
    assertThat(r.outcomes()).hasSize(3);
    HookOutcome self = r.outcomes().stream()
        .filter(o -> o.packet().context().packet().dst().equals(ip("10.244.1.5"))).findFirst().orElseThrow();
    assertThat(self.packet().context().packet().src()).isEqualTo(ip("10.244.1.1"));
    assertThat(self.packet().context().mark()).isZero();
    assertThat(r.outcomes()).filteredOn(o -> o != self)
        .allSatisfy(o -> assertThat(o.packet().context().packet().src()).isEqualTo(ip("10.244.1.5")));
  }

  @Test
  void nodePortFromOutsideIsMarkedForwardedAndMasqueraded() {
    TrackedPacket p = TrackedPacket.fresh(PacketContext.of(Packet.tcp(ip("192.168.0.50"), 50000, ip("192.168.0.11"), 30080))
        .withIn("eth0").withOut("cni0"));
    HookResult r = pipeline().traverse(PacketPath.FORWARD, p, true);
    assertThat(r.outcomes()).hasSize(3).allSatisfy(o -> {
      assertThat(o.verdict()).isEqualTo(Verdict.ACCEPT);
      assertThat(o.packet().context().packet().src()).isEqualTo(ip("10.244.1.1"));
      assertThat(o.packet().context().packet().dstPort()).isEqualTo(8080);
      assertThat(o.trace()).anySatisfy(s -> assertThat(s).isInstanceOfSatisfying(TraceStep.TableVerdict.class, v ->
          assertThat(v.decision().toString()).contains("KUBE-FORWARD")));
    });
  }

  @Test
  void clusterIpFromTheNodeItselfIsMasqueraded() {
    TrackedPacket p = TrackedPacket.fresh(PacketContext.of(Packet.tcp(ip("192.168.0.11"), 40000, ip("10.96.0.1"), 443))
        .withOut("eth0"));
    HookResult r = pipeline().traverse(PacketPath.LOCAL_OUT, p, false);
    assertThat(r.outcomes()).singleElement().satisfies(o -> {
      assertThat(o.packet().context().packet()).isEqualTo(Packet.tcp(ip("192.168.0.11"), 40000, ip("192.168.0.10"), 6443));
      assertThat(o.packet().context().ct().dnat()).isTrue();
      assertThat(o.packet().context().ct().snat()).isTrue();
    });
  }

  @Test
  void serviceWithoutEndpointsIsRejected() {
    HookResult fromPod = pipeline().traverse(PacketPath.FORWARD, fromPod(ip("10.96.0.50"), 80, "eth0"), false);
    assertThat(fromPod.outcomes()).singleElement().satisfies(o -> {
      assertThat(o.verdict()).isEqualTo(Verdict.REJECT);
      Decision.ByRule by = (Decision.ByRule) o.decision();
      assertThat(by.rule().comment()).contains("default/empty:http has no endpoints");
      assertThat(by.rule().rule().target()).isEqualTo(new Target.Reject(RejectWith.ICMP_PORT_UNREACHABLE));
      assertThat(by.rule().line()).hasValue(42);
    });
    TrackedPacket local = TrackedPacket.fresh(PacketContext.of(Packet.tcp(ip("192.168.0.11"), 40000, ip("10.96.0.50"), 80))
        .withOut("eth0"));
    assertThat(pipeline().traverse(PacketPath.LOCAL_OUT, local, false).verdicts()).containsExactly(Verdict.REJECT);
    TrackedPacket nodePort = TrackedPacket.fresh(PacketContext.of(Packet.tcp(ip("192.168.0.50"), 40000, ip("192.168.0.11"), 30081))
        .withIn("eth0"));
    assertThat(pipeline().traverse(PacketPath.LOCAL_IN, nodePort, false).verdicts()).containsExactly(Verdict.REJECT);
  }

  @Test
  void repliesAreEstablishedAndUnDnatted() {
    NetfilterPipeline node = pipeline();
    TrackedPacket first = fromPod(ip("10.96.0.20"), 9090, "cni0");
    HookResult there = node.traverse(PacketPath.FORWARD, first, false);
    assertThat(node.conntrack().size()).isEqualTo(1);
    Packet delivered = there.outcomes().getFirst().packet().context().packet();
    TrackedPacket reply = TrackedPacket.fresh(PacketContext.of(delivered.reversed()).withIn("cni0").withOut("cni0"));
    HookResult back = node.traverse(PacketPath.FORWARD, reply, true);
    assertThat(back.outcomes()).singleElement().satisfies(o -> {
      assertThat(o.verdict()).isEqualTo(Verdict.ACCEPT);
      assertThat(o.packet().context().ct().state()).isEqualTo(dev.weft.model.netfilter.ConnState.ESTABLISHED);
      assertThat(o.packet().context().packet()).isEqualTo(Packet.tcp(ip("10.96.0.20"), 9090, POD, 40000));
      assertThat(o.decision().toString()).contains("KUBE-FORWARD");
      assertThat(o.trace()).noneSatisfy(s -> assertThat(s).isInstanceOfSatisfying(TraceStep.EnterTable.class,
          e -> assertThat(e.table()).isEqualTo(Table.NAT)));
    });
    TrackedPacket second = fromPod(ip("10.96.0.20"), 9090, "cni0");
    HookResult again = node.traverse(PacketPath.FORWARD, second, false);
    assertThat(again.outcomes()).singleElement().satisfies(o -> {
      assertThat(o.packet().context().packet().dst()).isEqualTo(ip("10.244.1.9"));
      assertThat(o.packet().context().ct().state()).isEqualTo(dev.weft.model.netfilter.ConnState.ESTABLISHED);
    });
    assertThat(Set.copyOf(node.conntrack().connections())).hasSize(1);
  }
}
