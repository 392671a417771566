package dev.weft.model.netfilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.ModelException;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InvalidValueException;
import dev.weft.model.value.PortRange;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetfilterModelTest {
  private static final ChainName X = ChainName.of("X");
  private static final ChainName Y = ChainName.of("Y");

  @Test
  void headerMatchesComeFirstInIptablesSaveOrder() {
    Match comment = new Match.Comment("c");
    Match proto = new Match.Protocol(IpProtocol.TCP);
    Match dport = new Match.DestinationPorts(List.of(PortRange.single(80)));
    Match src = new Match.Not(new Match.Source(Cidr.parse("10.0.0.0/8")));
    Match in = new Match.InInterface(InterfacePattern.of("eth+"));
    Rule r = Rule.of(new Target.Accept(), comment, proto, dport, src, in);
    assertThat(r.matches()).containsExactly(src, in, proto, comment, dport);
    assertThat(r).isEqualTo(Rule.of(new Target.Accept(), src, in, proto, comment, dport));
    assertThat(r.comment()).contains("c");
  }

  @Test
  void portAndIcmpMatchesNeedTheirProtocol() {
    Match dport = new Match.DestinationPorts(List.of(PortRange.single(80)));
    assertThatThrownBy(() -> Rule.of(new Target.Accept(), dport)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("-p tcp");
    assertThatThrownBy(() -> Rule.of(new Target.Accept(), new Match.Not(new Match.Protocol(IpProtocol.TCP)), dport))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> Rule.of(new Target.Accept(), new Match.Protocol(IpProtocol.TCP), Match.IcmpType.of(8)))
        .isInstanceOf(InvalidValueException.class);
    assertThat(Rule.of(new Target.Accept(), new Match.Protocol(IpProtocol.SCTP), dport).protocol())
        .contains(IpProtocol.SCTP);
  }

  @Test
  void headerMatchesAreUniqueAndNegationIsSingle() {
    Match a = new Match.Source(Cidr.parse("10.0.0.0/8"));
    assertThatThrownBy(() -> Rule.of(new Target.Accept(), a, new Match.Not(a))).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new Match.Not(new Match.Not(a))).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new Match.Not(new Match.Comment("x"))).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new Match.Not(new Match.Unknown(List.of("-f")))).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void multiportHoldsAtMostFifteenPorts() {
    List<PortRange> eight = List.of(new PortRange(1, 2), new PortRange(3, 4), new PortRange(5, 6),
        new PortRange(7, 8), new PortRange(9, 10), new PortRange(11, 12), new PortRange(13, 14), new PortRange(15, 16));
    assertThatThrownBy(() -> new Match.DestinationPorts(eight)).isInstanceOf(InvalidValueException.class);
    assertThat(new Match.DestinationPorts(eight.subList(0, 7)).ranges()).hasSize(7);
    assertThat(new Match.DestinationPorts(List.of(PortRange.ALL)).ranges()).containsExactly(PortRange.ALL);
  }

  @Test
  void markTargetsUseTheXmarkForm() {
    assertThat(Target.Mark.set(0x4000, 0xffff_ffffL)).isEqualTo(new Target.Mark(0x4000, 0xffff_ffffL));
    assertThat(Target.Mark.set(0x4000, 0xff00)).isEqualTo(new Target.Mark(0x4000, 0xff00));
    assertThat(Target.Mark.or(0x4000)).isEqualTo(new Target.Mark(0x4000, 0x4000));
    assertThat(Target.Mark.and(0x4000)).isEqualTo(new Target.Mark(0, 0xffff_bfffL));
    assertThat(Target.Mark.xor(0x4000)).isEqualTo(new Target.Mark(0x4000, 0));
    assertThat(Target.Mark.or(0x4000).apply(0x1)).isEqualTo(0x4001);
    assertThat(Target.Mark.and(0x4000).apply(0x4001)).isEqualTo(0x4000);
    assertThat(Target.Mark.xor(0x4000).apply(0x4001)).isEqualTo(0x1);
    assertThat(Target.Mark.set(0x10, 0xf0).apply(0xabcd)).isEqualTo(0xab1d);
  }

  @Test
  void statisticProbabilityIsStoredAsTheKernelThreshold() {
    assertThat(Match.Random.withProbability(0.5).threshold()).isEqualTo(0x4000_0000L);
    assertThat(Match.Random.withProbability(1.0).threshold()).isEqualTo(Match.Random.SCALE);
    assertThat(Match.Random.withProbability(0.33333333349).threshold())
        .isEqualTo(Match.Random.withProbability(0.3333333333).threshold());
    assertThatThrownBy(() -> Match.Random.withProbability(1.5)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new Match.Nth(2, 2)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void chainNamesFollowIptablesLimits() {
    assertThat(ChainName.of("ABCDEFGHIJKLMNOPQRSTUVWXYZ01").value()).hasSize(28);
    assertThatThrownBy(() -> ChainName.of("ABCDEFGHIJKLMNOPQRSTUVWXYZ012")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> ChainName.of("-X")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> ChainName.of("ACCEPT")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> ChainName.of("a b")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void interfacePatternsMatchLikeTheKernel() {
    assertThat(InterfacePattern.of("cali+").matches(Optional.of("cali123"))).isTrue();
    assertThat(InterfacePattern.of("cali+").matches(Optional.of("eth0"))).isFalse();
    assertThat(InterfacePattern.of("cali+").matches(Optional.empty())).isFalse();
    assertThat(InterfacePattern.of("+").matches(Optional.empty())).isTrue();
    assertThat(InterfacePattern.of("eth0").matches(Optional.of("eth0"))).isTrue();
    assertThat(InterfacePattern.of("eth0").matches(Optional.of("eth01"))).isFalse();
    assertThatThrownBy(() -> InterfacePattern.of("a+b")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> InterfacePattern.of("0123456789abcdef")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void tablesAreCanonical() {
    Chain y = Chain.user(Y, List.of());
    Chain x = Chain.user(X, List.of(Rule.of(new Target.Jump(Y))));
    Chain input = Chain.builtin(ChainName.of("INPUT"), Policy.DROP, List.of(Rule.of(new Target.Jump(X))));
    NetfilterTable t = NetfilterTable.of(Table.FILTER, List.of(y, input, x));
    assertThat(t.chains().keySet()).extracting(ChainName::value)
        .containsExactly("INPUT", "FORWARD", "OUTPUT", "X", "Y");
    assertThat(t.builtin(Hook.FORWARD).policy()).contains(Policy.ACCEPT);
    assertThat(t.isDefault()).isFalse();
    assertThat(NetfilterTable.empty(Table.NAT).chains().keySet()).extracting(ChainName::value)
        .containsExactly("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING");
  }

  @Test
  void tablesRejectDanglingBuiltinAndLoopingJumps() {
    Chain toMissing = Chain.user(X, List.of(Rule.of(new Target.Jump(Y))));
    assertThatThrownBy(() -> NetfilterTable.of(Table.FILTER, List.of(toMissing)))
        .isInstanceOf(ModelException.class).hasMessageContaining("missing chain Y");
    Chain toBuiltin = Chain.user(X, List.of(Rule.of(new Target.Jump(ChainName.of("INPUT")))));
    assertThatThrownBy(() -> NetfilterTable.of(Table.FILTER, List.of(toBuiltin)))
        .isInstanceOf(ModelException.class).hasMessageContaining("built-in");
    Chain xy = Chain.user(X, List.of(Rule.of(new Target.Goto(Y))));
    Chain yx = Chain.user(Y, List.of(Rule.of(new Target.Jump(X))));
    assertThatThrownBy(() -> NetfilterTable.of(Table.FILTER, List.of(xy, yx)))
        .isInstanceOf(ModelException.class).hasMessageContaining("reach itself");
    Chain self = Chain.user(X, List.of(Rule.of(new Target.Jump(X))));
    assertThatThrownBy(() -> NetfilterTable.of(Table.FILTER, List.of(self))).isInstanceOf(ModelException.class);
    assertThatThrownBy(() -> NetfilterTable.of(Table.FILTER, List.of(new Chain(X, Optional.of(Policy.DROP), List.of()))))
        .isInstanceOf(ModelException.class);
  }

  @Test
  void rulesetsDropDefaultTables() {
    Ruleset rs = Ruleset.of(List.of(NetfilterTable.empty(Table.FILTER), NetfilterTable.empty(Table.NAT)));
    assertThat(rs).isEqualTo(Ruleset.empty());
    assertThat(rs.table(Table.RAW).builtin(Hook.OUTPUT).policy()).contains(Policy.ACCEPT);
    NetfilterTable dropFwd = NetfilterTable.of(Table.FILTER,
        List.of(Chain.builtin(ChainName.of("FORWARD"), Policy.DROP, List.of())));
    Ruleset withDrop = Ruleset.empty().withTable(dropFwd);
    assertThat(withDrop.tables()).containsOnlyKeys(Table.FILTER);
    assertThat(withDrop.table(Table.FILTER).builtin(Hook.FORWARD).policy()).contains(Policy.DROP);
  }

  @Test
  void tablesRunAtHooksInPriorityOrder() {
    assertThat(Table.atHook(Hook.PREROUTING)).containsExactly(Table.RAW, Table.MANGLE, Table.NAT);
    assertThat(Table.atHook(Hook.INPUT)).containsExactly(Table.MANGLE, Table.FILTER, Table.SECURITY, Table.NAT);
    assertThat(Table.atHook(Hook.OUTPUT))
        .containsExactly(Table.RAW, Table.MANGLE, Table.NAT, Table.FILTER, Table.SECURITY);
    assertThat(Table.atHook(Hook.FORWARD)).containsExactly(Table.MANGLE, Table.FILTER, Table.SECURITY);
    assertThat(Table.atHook(Hook.POSTROUTING)).containsExactly(Table.MANGLE, Table.NAT);
  }

  @Test
  void ipsetsMatchAddressesAndPorts() {
    IpSet nets = new IpSet("KUBE-SRC-A", IpSetType.HASH_NET, List.of(IpSetEntry.of(Cidr.parse("10.0.0.0/24"))));
    assertThat(nets.contains(dev.weft.model.value.IpAddress.parse("10.0.0.9"))).isTrue();
    assertThat(nets.contains(dev.weft.model.value.IpAddress.parse("10.0.1.9"))).isFalse();
    IpSet ports = new IpSet("p", IpSetType.HASH_IP_PORT,
        List.of(IpSetEntry.of(Cidr.parse("10.0.0.1/32"), IpProtocol.TCP, PortRange.single(80))));
    assertThat(ports.contains(dev.weft.model.value.IpAddress.parse("10.0.0.1"), 6, 80)).isTrue();
    assertThat(ports.contains(dev.weft.model.value.IpAddress.parse("10.0.0.1"), 17, 80)).isFalse();
    assertThatThrownBy(() -> new IpSet("p", IpSetType.HASH_IP, ports.entries())).isInstanceOf(InvalidValueException.class);
    Ruleset rs = Ruleset.empty().withIpsets(Map.of("KUBE-SRC-A", nets));
    assertThat(rs.ipset("KUBE-SRC-A")).contains(nets);
    assertThat(new Match.CtState(EnumSet.of(ConnState.NEW)).states()).containsExactly(ConnState.NEW);
  }

  @Test
  void matchesThatAlwaysHoldAreDroppedAsIptablesDrops() {
    Rule r = Rule.of(new Target.Accept(), new Match.Source(Cidr.parse("0.0.0.0/0")),
        new Match.InInterface(InterfacePattern.of("+")), new Match.Protocol(IpProtocol.TCP),
        new Match.DestinationPorts(List.of(PortRange.ALL)));
    assertThat(r.matches()).containsExactly(new Match.Protocol(IpProtocol.TCP));
    assertThat(Rule.of(new Target.Accept(), new Match.Not(new Match.InInterface(InterfacePattern.of("+")))).matches())
        .hasSize(1);
  }

  @Test
  void negatedEdgePortRangesBecomeTheirComplement() {
    Match tcp = new Match.Protocol(IpProtocol.TCP);
    assertThat(Rule.of(new Target.Accept(), tcp, new Match.Not(new Match.DestinationPorts(List.of(new PortRange(0, 1)))))
        .matches()).containsExactly(tcp, new Match.DestinationPorts(List.of(new PortRange(2, 65535))));
    assertThat(Rule.of(new Target.Accept(), tcp, new Match.Not(new Match.SourcePorts(List.of(new PortRange(1024, 65535)))))
        .matches()).containsExactly(tcp, new Match.SourcePorts(List.of(new PortRange(0, 1023))));
    Match middle = new Match.Not(new Match.DestinationPorts(List.of(new PortRange(10, 20))));
    assertThat(Rule.of(new Target.Accept(), tcp, middle).matches()).containsExactly(tcp, middle);
  }

  @Test
  void limitRatesAreKeptAsIptablesPrintsThem() {
    assertThat(new Match.Limit("10", 5).rate()).isEqualTo("10/sec");
    assertThat(new Match.Limit("2/s", 5).rate()).isEqualTo("2/sec");
    assertThat(new Match.Limit("7/minute", 5).rate()).isEqualTo("7/min");
    assertThat(new Match.Limit("60/min", 5).rate()).isEqualTo("1/sec");
    assertThat(new Match.Limit("3/hour", 5).rate()).isEqualTo("3/hour");
    assertThat(new Match.Limit("1/day", 5).rate()).isEqualTo("1/day");
    assertThatThrownBy(() -> new Match.Limit("20000/sec", 5)).isInstanceOf(InvalidValueException.class);
  }
}
