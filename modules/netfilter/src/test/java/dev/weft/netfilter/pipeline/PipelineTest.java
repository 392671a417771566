package dev.weft.netfilter.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.netfilter.ConnState;
import dev.weft.model.netfilter.Hook;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.netfilter.Table;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.IpAddress;
import dev.weft.netfilter.Rules;
import dev.weft.netfilter.eval.HostFacts;
import dev.weft.netfilter.eval.Packet;
import dev.weft.netfilter.eval.PacketContext;
import dev.weft.netfilter.eval.TraceStep;
import dev.weft.netfilter.eval.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineTest {
  private static final IpAddress CLIENT = IpAddress.parse("192.168.1.10");
  private static final IpAddress SERVER = IpAddress.parse("10.0.0.2");
  private static final HostFacts ROUTER = HostFacts.of(Map.of(
      "eth0", List.of(InterfaceAddress.parse("192.168.1.1/24")),
      "eth1", List.of(InterfaceAddress.parse("10.0.0.1/24")),
      "eth2", List.of()));
  private static final Ruleset STATEFUL = Rules.of("*filter", ":FORWARD DROP [0:0]",
      "-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
      "-A FORWARD -p tcp --dport 80 -m conntrack --ctstate NEW -j ACCEPT", "COMMIT",
      "*nat", ":PREROUTING ACCEPT [0:0]", ":POSTROUTING ACCEPT [0:0]",
      "-A PREROUTING -d 192.168.1.1/32 -p tcp --dport 8080 -j DNAT --to-destination 10.0.0.2:80",
      "-A POSTROUTING -o eth1 -j MASQUERADE", "COMMIT",
      "*raw", ":PREROUTING ACCEPT [0:0]", "-A PREROUTING -m conntrack --ctstate INVALID -j MARK --set-xmark 0x7/0xffffffff",
      "COMMIT");

  private static TrackedPacket in(Packet p, String in, String out) {
    return TrackedPacket.fresh(PacketContext.of(p).withIn(in).withOut(out));
  }

  @Test
  void firstPacketIsNewAndRepliesAreEstablished() {
    NetfilterPipeline router = new NetfilterPipeline(STATEFUL, ROUTER, new Conntrack(), false);
    HookResult first = router.traverse(PacketPath.FORWARD, in(Packet.tcp(CLIENT, 5000, IpAddress.parse("192.168.1.1"), 8080),
        "eth0", "eth1"), false);
    HookOutcome o = first.outcomes().getFirst();
    assertThat(first.verdicts()).containsExactly(Verdict.ACCEPT);
    assertThat(o.packet().context().packet()).isEqualTo(Packet.tcp(IpAddress.parse("10.0.0.1"), 5000, SERVER, 80));
    assertThat(o.packet().context().mark()).isEqualTo(7);
    assertThat(router.conntrack().size()).isEqualTo(1);

    HookResult reply = router.traverse(PacketPath.FORWARD,
        in(Packet.tcp(SERVER, 80, IpAddress.parse("10.0.0.1"), 5000), "eth1", "eth0"), true);
    HookOutcome back = reply.outcomes().getFirst();
    assertThat(back.verdict()).isEqualTo(Verdict.ACCEPT);
    assertThat(back.packet().context().ct().state()).isEqualTo(ConnState.ESTABLISHED);
    assertThat(back.packet().context().packet()).isEqualTo(Packet.tcp(IpAddress.parse("192.168.1.1"), 8080, CLIENT, 5000));
    assertThat(back.trace()).noneMatch(s -> s instanceof TraceStep.EnterTable e && e.table() == Table.NAT);
    assertThat(back.trace()).anyMatch(s -> s instanceof TraceStep.Note n && n.text().contains("nat chains skipped"));

    HookResult again = router.traverse(PacketPath.FORWARD, in(Packet.tcp(CLIENT, 5000, IpAddress.parse("192.168.1.1"), 8080),
        "eth0", "eth1"), false);
    assertThat(again.outcomes().getFirst().packet().context().ct().state()).isEqualTo(ConnState.ESTABLISHED);
    assertThat(again.outcomes().getFirst().packet().context().packet())
        .isEqualTo(Packet.tcp(IpAddress.parse("10.0.0.1"), 5000, SERVER, 80));
  }

  @Test
  void droppedFirstPacketsAreNotTracked() {
    NetfilterPipeline router = new NetfilterPipeline(STATEFUL, ROUTER, new Conntrack(), false);
    HookResult r = router.traverse(PacketPath.FORWARD, in(Packet.tcp(CLIENT, 5000, SERVER, 22), "eth0", "eth1"), false);
    assertThat(r.verdicts()).containsExactly(Verdict.DROP);
    assertThat(router.conntrack().size()).isZero();
    HookResult serverInitiated = router.traverse(PacketPath.FORWARD,
        in(Packet.tcp(SERVER, 22, CLIENT, 5000), "eth1", "eth0"), false);
    assertThat(serverInitiated.verdicts()).containsExactly(Verdict.DROP);
  }

  @Test
  void masqueradeNeedsAnAddressOnTheOutgoingInterface() {
    Ruleset rs = Rules.of("*nat", ":POSTROUTING ACCEPT [0:0]", "-A POSTROUTING -j MASQUERADE", "COMMIT");
    NetfilterPipeline router = new NetfilterPipeline(rs, ROUTER, new Conntrack(), false);
    HookResult none = router.hook(Hook.POSTROUTING, in(Packet.udp(CLIENT, 53, SERVER, 53), "eth0", "eth2"));
    assertThat(none.verdicts()).containsExactly(Verdict.UNKNOWN);
    assertThat(none.outcomes().getFirst().decision().toString()).contains("eth2");
  }

  @Test
  void snatAtInputRewritesLocallyDeliveredPackets() {
    Ruleset rs = Rules.of("*nat", ":INPUT ACCEPT [0:0]", "-A INPUT -s 192.168.1.0/24 -j SNAT --to-source 10.9.9.9", "COMMIT");
    NetfilterPipeline host = new NetfilterPipeline(rs, ROUTER, new Conntrack(), false);
    HookResult r = host.traverse(PacketPath.LOCAL_IN,
        in(Packet.tcp(CLIENT, 5000, IpAddress.parse("192.168.1.1"), 22), "eth0", "eth0").withInterfaces(
            java.util.Optional.of("eth0"), java.util.Optional.empty()), false);
    assertThat(r.outcomes().getFirst().packet().context().packet().src()).isEqualTo(IpAddress.parse("10.9.9.9"));
    assertThat(host.conntrack().size()).isEqualTo(1);
  }

  @Test
  void dnatRangesForkIntoEachAddress() {
    Ruleset rs = Rules.of("*nat", ":PREROUTING ACCEPT [0:0]",
        "-A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.10-10.0.0.12:8000-8010", "COMMIT");
    HookResult r = new NetfilterPipeline(rs, ROUTER, new Conntrack(), false)
        .hook(Hook.PREROUTING, in(Packet.tcp(CLIENT, 5000, SERVER, 80), "eth0", "eth1"));
    assertThat(r.outcomes()).extracting(o -> o.packet().context().packet().dst().toString() + ":"
        + o.packet().context().packet().dstPort()).containsExactlyInAnyOrder("10.0.0.10:8000", "10.0.0.11:8000",
        "10.0.0.12:8000");
  }

  @Test
  void hooksRunTheirTablesInPriorityOrder() {
    Ruleset rs = Rules.of("*mangle", ":OUTPUT ACCEPT [0:0]", "-A OUTPUT -j MARK --set-xmark 0x1/0x0", "COMMIT",
        "*filter", ":OUTPUT ACCEPT [0:0]", "-A OUTPUT -m mark --mark 0x1 -j DROP", "COMMIT",
        "*nat", ":OUTPUT ACCEPT [0:0]", "-A OUTPUT -m mark --mark 0x1 -j DNAT --to-destination 10.0.0.99", "COMMIT");
    HookResult r = new NetfilterPipeline(rs, ROUTER, new Conntrack(), false)
        .traceHook(Hook.OUTPUT, TrackedPacket.fresh(PacketContext.of(Packet.tcp(SERVER, 1, CLIENT, 2)).withOut("eth0")));
    HookOutcome o = r.outcomes().getFirst();
    assertThat(o.verdict()).isEqualTo(Verdict.DROP);
    assertThat(o.packet().context().packet().dst()).isEqualTo(IpAddress.parse("10.0.0.99"));
    assertThat(o.trace()).filteredOn(TraceStep.EnterTable.class::isInstance)
        .extracting(s -> ((TraceStep.EnterTable) s).table()).containsExactly(Table.RAW, Table.MANGLE, Table.NAT, Table.FILTER);
  }
}
