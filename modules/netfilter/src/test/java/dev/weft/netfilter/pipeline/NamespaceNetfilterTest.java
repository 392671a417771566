package dev.weft.netfilter.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Host;
import dev.weft.model.Interface;
import dev.weft.model.InterfaceKind;
import dev.weft.model.InterfaceRef;
import dev.weft.model.NetworkModel;
import dev.weft.model.netfilter.Hook;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import dev.weft.netfilter.Dumps;
import dev.weft.netfilter.eval.Packet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one-call-per-hook facade a simulator plugs in: state between hooks, NAT both ways, a model-built node. */
class NamespaceNetfilterTest {
  private static final Name NODE = Name.of("node1");

  private static Interface iface(String name, String address) {
    InterfaceRef ref = InterfaceRef.of("node1", name);
    return new Interface(ref, new InterfaceKind.Physical(), Mac.derivedFrom(ref.toString()), Mtu.ETHERNET,
        List.of(InterfaceAddress.parse(address)), true);
  }

  private static NetworkModel node() {
    return NetworkModel.builder(Name.of("t")).host(new Host(NODE))
        .iface(iface("eth0", "192.168.0.11/24")).iface(iface("cni0", "10.244.1.1/24"))
        .ruleset(NODE, Dumps.parse(Dumps.KUBE_PROXY).ruleset()).build();
  }

  private static IpAddress ip(String s) {
    return IpAddress.parse(s);
  }

  @Test
  void theMasqueradeMarkSurvivesFromPreroutingToPostrouting() {
    NamespaceNetfilter nf = NamespaceNetfilter.fromModel(node(), NODE, false);
    assertThat(nf.acceptsEverything()).isFalse();
    Packet in = Packet.tcp(ip("192.168.0.50"), 50000, ip("192.168.0.11"), 30080);
    HookDecision pre = nf.evaluate(Hook.PREROUTING, in, Optional.of("eth0"), Optional.empty());
    assertThat(pre).isInstanceOf(HookDecision.Rewrite.class);
    assertThat(pre.alternatives()).isEqualTo(3);
    Packet dnatted = ((HookDecision.Rewrite) pre).after();
    assertThat(dnatted.dstPort()).isEqualTo(8080);
    HookDecision fwd = nf.evaluate(Hook.FORWARD, dnatted, Optional.of("eth0"), Optional.of("cni0"));
    assertThat(fwd).isInstanceOf(HookDecision.Accept.class);
    assertThat(String.join("\n", fwd.explanation())).contains("kubernetes forwarding rules");
    HookDecision post = nf.evaluate(Hook.POSTROUTING, dnatted, Optional.empty(), Optional.of("cni0"));
    assertThat(post).isInstanceOfSatisfying(HookDecision.Rewrite.class,
        r -> assertThat(r.after().src()).isEqualTo(ip("10.244.1.1")));

    Packet reply = ((HookDecision.Rewrite) post).after().reversed();
    HookDecision replyPre = nf.evaluate(Hook.PREROUTING, reply, Optional.of("cni0"), Optional.empty());
    Packet unSnatted = replyPre instanceof HookDecision.Rewrite r ? r.after() : reply;
    assertThat(unSnatted.dst()).isEqualTo(ip("192.168.0.50"));
    assertThat(nf.evaluate(Hook.FORWARD, unSnatted, Optional.of("cni0"), Optional.of("eth0")))
        .isInstanceOf(HookDecision.Accept.class);
    HookDecision replyPost = nf.evaluate(Hook.POSTROUTING, unSnatted, Optional.empty(), Optional.of("eth0"));
    assertThat(replyPost).isInstanceOfSatisfying(HookDecision.Rewrite.class, r ->
        assertThat(r.after()).isEqualTo(Packet.tcp(ip("192.168.0.11"), 30080, ip("192.168.0.50"), 50000)));
  }

  @Test
  void rejectsAndUnknownsAreReported() {
    NamespaceNetfilter nf = NamespaceNetfilter.fromModel(node(), NODE, false);
    Packet toEmpty = Packet.tcp(ip("10.244.1.20"), 40000, ip("10.96.0.50"), 80);
    nf.evaluate(Hook.PREROUTING, toEmpty, Optional.of("cni0"), Optional.empty());
    assertThat(nf.evaluate(Hook.FORWARD, toEmpty, Optional.of("cni0"), Optional.of("eth0")))
        .isInstanceOfSatisfying(HookDecision.Drop.class, d -> {
          assertThat(d.reject()).isTrue();
          assertThat(d.rule()).contains("line 42").contains("has no endpoints");
        });
    NamespaceNetfilter calico = new NamespaceNetfilter(Dumps.withIpsets(Dumps.CALICO),
        dev.weft.netfilter.eval.HostFacts.of(java.util.Map.of()), false);
    assertThat(calico.evaluate(Hook.PREROUTING, Packet.tcp(ip("10.244.1.10"), 1, ip("10.244.1.11"), 80),
        Optional.of("cali1111aaaa"), Optional.empty())).isInstanceOf(HookDecision.Unknown.class);
    assertThat(new NamespaceNetfilter(dev.weft.model.netfilter.Ruleset.empty(),
        dev.weft.netfilter.eval.HostFacts.of(java.util.Map.of()), false).acceptsEverything()).isTrue();
  }
}
