package dev.weft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.hook.NetfilterHooks;
import dev.weft.model.NetworkModel;
import dev.weft.model.SegmentKind;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Name;
import dev.weft.netfilter.save.IptablesSaveParser;
import dev.weft.sim.netfilter.RulesetHooks;
import dev.weft.sim.reach.ReachRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model's iptables rule sets, evaluated by modules/netfilter, deciding in traces and matrices. */
class RulesetHooksTest {
  private static final String POD3_FILTER = """
      *filter
      :INPUT ACCEPT [0:0]
      :FORWARD ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      -A INPUT -p tcp -m tcp --dport 80 -m comment --comment "no web here" -j REJECT --reject-with icmp-port-unreachable
      COMMIT
      """;
  private static final String HOST_NAT = """
      *nat
      :PREROUTING ACCEPT [0:0]
      :INPUT ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      :POSTROUTING ACCEPT [0:0]
      -A PREROUTING -d 10.96.0.10/32 -p tcp -m tcp --dport 80 -j DNAT --to-destination 10.0.0.4:8080
      COMMIT
      """;

  private static NetworkModel model() throws Exception {
    ModelDsl m = new ModelDsl("rules").segment("underlay", SegmentKind.UNDERLAY, "192.168.0.0/24", 1500)
        .host("host1", "underlay", "192.168.0.1/24").bridge("host1", "br0", "10.0.0.1/24", 1500)
        .pod("pod1", "host1", "br0", "10.0.0.2/24", "10.0.0.1", 1500)
        .pod("pod3", "host1", "br0", "10.0.0.4/24", "10.0.0.1", 1500);
    IptablesSaveParser parser = new IptablesSaveParser();
    m.b.ruleset(Name.of("pod3"), parser.parse("pod3.rules", POD3_FILTER).ruleset());
    m.b.ruleset(Name.of("host1"), parser.parse("host1.rules", HOST_NAT).ruleset());
    return m.build();
  }

  @Test
  void withoutRulesThereAreNoHooks() {
    assertThat(RulesetHooks.of(Topologies.singleHostBridge())).isSameAs(NetfilterHooks.NONE);
  }

  @Test
  void aRejectInThePodIsPolicyOnBothPaths() throws Exception {
    NetworkModel model = model();
    Simulator sim = Simulator.of(model, RulesetHooks.of(model));
    Trace web = sim.trace(TraceRequest.of(Endpoint.of(Name.of("pod1")), Target.parse("pod3")));
    assertThat(web.disposition().verdict()).isEqualTo("DROPPED (POLICY)");
    assertThat(web.disposition().detail()).contains("REJECT");
    Trace ssh = sim.trace(TraceRequest.of(Endpoint.of(Name.of("pod1")), Target.parse("pod3")).withProtocol(Protocol.TCP, 22));
    assertThat(ssh.disposition().delivered()).isTrue();
    for (int port : new int[] {80, 22}) {
      ReachRequest r = new ReachRequest(List.of(), List.of(), Protocol.TCP, port);
      var m = sim.reach(r);
      for (String from : m.sources()) {
        for (String to : m.destinations()) {
          assertThat(m.cell(from, to).verdict()).as(from + " -> " + to + " port " + port)
              .isEqualTo(sim.trace(r.traceFor(from, to)).disposition().verdict());
        }
      }
    }
  }

  @Test
  void aDnatOnTheHostTakesTheServiceAddressToThePod() throws Exception {
    NetworkModel model = model();
    Simulator sim = Simulator.of(model, RulesetHooks.of(model));
    Trace t = sim.trace(TraceRequest.of(Endpoint.of(Name.of("pod1")), new Target.Address(IpAddress.parse("10.96.0.10"))));
    assertThat(t.disposition().verdict()).isEqualTo("DELIVERED");
    assertThat(t.disposition().detail()).contains("pod3").contains("10.0.0.4");
  }
}
