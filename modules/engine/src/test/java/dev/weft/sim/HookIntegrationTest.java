package dev.weft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.hook.HookPoint;
import dev.weft.engine.hook.HookVerdict;
import dev.weft.engine.hook.NetfilterHook;
import dev.weft.engine.hook.NetfilterHooks;
import dev.weft.model.NetworkModel;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Name;
import dev.weft.sim.reach.ReachCell;
import dev.weft.sim.reach.ReachRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Netfilter hooks seen from the simulator: a drop is POLICY, a DNAT sends the packet elsewhere; both paths agree. */
class HookIntegrationTest {
  private final NetworkModel model = Topologies.singleHostBridge();

  @Test
  void aForwardDropOnTheHostIsPolicyInTracesAndInTheMatrix() {
    NetfilterHook dropToPod3 = p -> p.hook() == HookPoint.INPUT && p.destination().equals(IpAddress.parse("10.0.0.4"))
        && p.destinationPort() == 80
        ? new HookVerdict.Drop("-A INPUT -d 10.0.0.4/32 -p tcp --dport 80 -j DROP", List.of("filter/INPUT: rule 1 matched"))
        : HookVerdict.accept();
    NetfilterHooks hooks = ns -> ns.equals(Name.of("pod3")) ? dropToPod3 : NetfilterHook.ACCEPT_ALL;
    Simulator sim = Simulator.of(model, hooks);
    Trace t = sim.trace(TraceRequest.of(Endpoint.of(Name.of("pod1")), Target.parse("pod3")));
    assertThat(t.disposition().verdict()).isEqualTo("DROPPED (POLICY)");
    assertThat(t.disposition().detail()).contains("-j DROP");
    assertThat(t.packetSteps()).anySatisfy(s -> assertThat(s).isInstanceOfSatisfying(TraceStep.Decision.class,
        d -> assertThat(d.event()).isInstanceOfSatisfying(ForwardingEvent.HookEvaluated.class,
            h -> assertThat(h.explanation()).containsExactly("filter/INPUT: rule 1 matched"))));
    ReachCell cell = sim.reach(new ReachRequest(List.of(Name.of("pod1")), List.of(Name.of("pod3")), Protocol.TCP, 80))
        .cell("pod1", "pod3");
    assertThat(cell.verdict()).isEqualTo("DROPPED (POLICY)");
    assertThat(sim.trace(TraceRequest.of(Endpoint.of(Name.of("pod1")), Target.parse("pod3")).withProtocol(Protocol.TCP, 443))
        .disposition().delivered()).isTrue();
  }

  @Test
  void dnatOnTheHostSendsAServiceAddressToAPod() {
    IpAddress service = IpAddress.parse("10.96.0.10");
    IpAddress backend = IpAddress.parse("10.0.0.4");
    NetfilterHook kubeProxy = p -> p.hook() == HookPoint.PREROUTING && p.destination().equals(service)
        ? new HookVerdict.Rewrite(p.source(), backend, p.sourcePort(), 8080, "-A KUBE-SEP-X -p tcp -j DNAT --to-destination 10.0.0.4:8080",
            List.of("nat/PREROUTING -> KUBE-SERVICES -> KUBE-SVC-X -> KUBE-SEP-X"))
        : HookVerdict.accept();
    NetfilterHooks hooks = ns -> ns.equals(Name.of("host1")) ? kubeProxy : NetfilterHook.ACCEPT_ALL;
    NetworkModel routed = new ModelDsl("svc").segment("underlay", dev.weft.model.SegmentKind.UNDERLAY, "192.168.0.0/24", 1500)
        .host("host1", "underlay", "192.168.0.1/24").bridge("host1", "br0", "10.0.0.1/24", 1500)
        .pod("pod1", "host1", "br0", "10.0.0.2/24", "10.0.0.1", 1500)
        .pod("pod3", "host1", "br0", "10.0.0.4/24", "10.0.0.1", 1500)
        .build();
    Simulator sim = Simulator.of(routed, hooks);
    Trace t = sim.trace(TraceRequest.of(Endpoint.of(Name.of("pod1")), new Target.Address(service)));
    assertThat(t.disposition().verdict()).isEqualTo("DELIVERED");
    assertThat(t.disposition().detail()).contains("pod3");
  }
}
