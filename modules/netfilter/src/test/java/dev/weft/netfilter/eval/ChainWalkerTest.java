package dev.weft.netfilter.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.netfilter.Chain;
import dev.weft.model.netfilter.ChainName;
import dev.weft.model.netfilter.Hook;
import dev.weft.model.netfilter.NetfilterTable;
import dev.weft.model.netfilter.Policy;
import dev.weft.model.netfilter.RejectWith;
import dev.weft.model.netfilter.Rule;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.netfilter.Table;
import dev.weft.model.netfilter.Target;
import dev.weft.model.value.IpAddress;
import dev.weft.netfilter.Rules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainWalkerTest {
  private static final PacketContext WEB = PacketContext.of(
      Packet.tcp(IpAddress.parse("10.0.0.1"), 40000, IpAddress.parse("10.0.0.2"), 80)).withIn("eth0").withOut("eth1");

  private static TableResult forward(Ruleset rs, PacketContext p) {
    return new RulesetEvaluator(rs, HostFacts.of(Map.of())).trace(Table.FILTER, Hook.FORWARD, p);
  }

  @Test
  void gotoReturnsToTheLastJumpCaller() {
    Ruleset rs = Rules.of("*filter", ":FORWARD DROP [0:0]", ":A - [0:0]", ":B - [0:0]", ":C - [0:0]",
        "-A FORWARD -j A", "-A FORWARD -j ACCEPT", "-A A -g B", "-A A -j DROP", "-A B -j C", "-A B -j RETURN",
        "-A C -j MARK --set-xmark 0x1/0x1", "COMMIT");
    TableOutcome o = forward(rs, WEB).single();
    assertThat(o.verdict()).isEqualTo(Verdict.ACCEPT);
    assertThat(((Decision.ByRule) o.decision()).rule().chain()).isEqualTo(ChainName.of("FORWARD"));
    assertThat(o.packet().mark()).isEqualTo(1);
    assertThat(o.trace()).containsSubsequence(new TraceStep.Jump(ChainName.of("A"), false),
        new TraceStep.Jump(ChainName.of("B"), true), new TraceStep.Jump(ChainName.of("C"), false),
        new TraceStep.Return(ChainName.of("C"), ChainName.of("B"), false),
        new TraceStep.Return(ChainName.of("B"), ChainName.of("FORWARD"), true));
  }

  @Test
  void fallingOffAGotoChainFromTheBuiltinAppliesThePolicy() {
    Ruleset rs = Rules.of("*filter", ":FORWARD DROP [0:0]", ":A - [0:0]", "-A FORWARD -g A", "-A FORWARD -j ACCEPT",
        "COMMIT");
    TableOutcome o = forward(rs, WEB).single();
    assertThat(o.verdict()).isEqualTo(Verdict.DROP);
    assertThat(o.decision()).isEqualTo(new Decision.ByPolicy(Table.FILTER, ChainName.of("FORWARD"), Policy.DROP));
    assertThat(o.decision().toString()).isEqualTo("POLICY DROP of filter FORWARD");
  }

  @Test
  void returnInTheBuiltinChainAppliesThePolicy() {
    Ruleset rs = Rules.of("*filter", ":FORWARD DROP [0:0]", "-A FORWARD -p tcp -j RETURN", "-A FORWARD -j ACCEPT", "COMMIT");
    assertThat(forward(rs, WEB).single().decision()).isInstanceOf(Decision.ByPolicy.class);
  }

  @Test
  void unknownMatchesOnlyMatterWhenTheRestOfTheRuleHolds() {
    Ruleset rs = Rules.of("*filter", ":FORWARD ACCEPT [0:0]",
        "-A FORWARD -s 192.168.0.0/16 -m owner --uid-owner 0 -j DROP",
        "-A FORWARD -m length --length 0:100 -j LOG",
        "-A FORWARD -p tcp --dport 80 -m hashlimit --hashlimit-above 10/sec --hashlimit-name x -j DROP", "COMMIT");
    TableOutcome o = forward(rs, WEB).single();
    assertThat(o.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(o.decision().toString()).contains("hashlimit").contains("FORWARD #3");
    assertThat(o.trace()).anySatisfy(s -> assertThat(s).isInstanceOf(TraceStep.UnknownIgnored.class));
    PacketContext other = WEB.withPacket(Packet.tcp(IpAddress.parse("10.0.0.1"), 40000, IpAddress.parse("10.0.0.2"), 443));
    assertThat(forward(rs, other).single().verdict()).isEqualTo(Verdict.ACCEPT);
  }

  @Test
  void unknownTargetsAreUnknownVerdicts() {
    Ruleset rs = Rules.of("*filter", ":FORWARD ACCEPT [0:0]", "-A FORWARD -p tcp -j TCPMSS --clamp-mss-to-pmtu", "COMMIT");
    assertThat(forward(rs, WEB).single().decision().toString()).contains("TCPMSS --clamp-mss-to-pmtu");
  }

  @Test
  void statisticForksIntoEveryPossibleOutcome() {
    Ruleset rs = Rules.of("*filter", ":FORWARD ACCEPT [0:0]",
        "-A FORWARD -m statistic --mode random --probability 0.25 -j DROP",
        "-A FORWARD -m statistic --mode nth --every 2 -j REJECT",
        "-A FORWARD -m statistic --mode random --probability 0 -j DROP",
        "-A FORWARD -m statistic --mode random --probability 1 -j ACCEPT", "-A FORWARD -j DROP", "COMMIT");
    TableResult r = forward(rs, WEB);
    assertThat(r.outcomes()).extracting(TableOutcome::verdict)
        .containsExactlyInAnyOrder(Verdict.DROP, Verdict.REJECT, Verdict.ACCEPT);
    assertThat(r.outcomes()).filteredOn(o -> o.verdict() == Verdict.DROP).singleElement()
        .satisfies(o -> assertThat(PathProbability.of(o.trace())).isEqualTo(0.25));
  }

  @Test
  void targetsInTheWrongPlaceAreUnknownRatherThanGuessed() {
    Rule reject = Rule.of(new Target.Reject(RejectWith.ICMP_PORT_UNREACHABLE));
    Ruleset rs = Ruleset.of(List.of(NetfilterTable.of(Table.MANGLE,
        List.of(Chain.builtin(ChainName.of("FORWARD"), Policy.ACCEPT, List.of(reject))))));
    TableOutcome o = new RulesetEvaluator(rs, HostFacts.of(Map.of())).evaluate(Table.MANGLE, Hook.FORWARD, WEB).single();
    assertThat(o.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(o.decision().toString()).contains("REJECT is not valid in table mangle");
    Ruleset dnatInPost = Rules.of("*nat", ":POSTROUTING ACCEPT [0:0]", ":X - [0:0]", "-A POSTROUTING -j X",
        "-A X -j DNAT --to-destination 1.2.3.4", "COMMIT");
    assertThat(new RulesetEvaluator(dnatInPost, HostFacts.of(Map.of())).evaluate(Table.NAT, Hook.POSTROUTING, WEB)
        .single().verdict()).isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void matchesReadTheContext() {
    HostFacts facts = HostFacts.of(Map.of("eth0", List.of(dev.weft.model.value.InterfaceAddress.parse("10.0.0.2/24"))));
    Ruleset rs = Rules.of("*filter", ":INPUT DROP [0:0]",
        "-A INPUT -m addrtype --dst-type BROADCAST -j REJECT",
        "-A INPUT -i eth+ -m addrtype --dst-type LOCAL -m mark --mark 0x8/0xc -p tcp -m multiport --ports 79:81 -j ACCEPT",
        "COMMIT");
    RulesetEvaluator ev = new RulesetEvaluator(rs, facts);
    PacketContext in = WEB.withInterfaces(java.util.Optional.of("eth0"), java.util.Optional.empty()).withMark(0x9);
    assertThat(ev.evaluate(Table.FILTER, Hook.INPUT, in).single().verdict()).isEqualTo(Verdict.ACCEPT);
    assertThat(ev.evaluate(Table.FILTER, Hook.INPUT, in.withMark(0x4)).single().verdict()).isEqualTo(Verdict.DROP);
    PacketContext bcast = in.withPacket(Packet.udp(IpAddress.parse("10.0.0.1"), 68, IpAddress.parse("10.0.0.255"), 67));
    assertThat(ev.evaluate(Table.FILTER, Hook.INPUT, bcast).single().verdict()).isEqualTo(Verdict.REJECT);
  }
}
