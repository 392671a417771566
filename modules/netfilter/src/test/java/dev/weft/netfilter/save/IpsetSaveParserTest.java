package dev.weft.netfilter.save;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.document.Diagnostic;
import dev.weft.model.netfilter.IpProtocol;
import dev.weft.model.netfilter.IpSet;
import dev.weft.model.netfilter.IpSetEntry;
import dev.weft.model.netfilter.IpSetType;
import dev.weft.model.netfilter.NetfilterArbitraries;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.PortRange;
import dev.weft.netfilter.render.IpsetSaveRenderer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class IpsetSaveParserTest {
  private final IpsetSaveParser parser = new IpsetSaveParser();

  @Test
  void readsTheTypesWeftEvaluates() throws IptablesSaveException {
    IpsetSaveParser.ParsedIpsets p = parser.parse("s.ipset", String.join("\n",
        "create A hash:ip family inet hashsize 1024 maxelem 65536 timeout 0",
        "add A 10.0.0.1 timeout 0", "create B hash:net,port family inet", "add B 10.0.0.0/24,udp:53",
        "add B 10.0.1.0/24,8080-8090", "create C hash:ip family inet6", "add C fd00::1",
        "create D bitmap:port range 0-1024", "add D 80", "create E hash:net family inet", "add E 10.0.0.0/8 nomatch"));
    assertThat(p.sets()).containsOnlyKeys("A", "B");
    assertThat(p.sets().get("B").entries()).containsExactly(
        IpSetEntry.of(Cidr.parse("10.0.0.0/24"), IpProtocol.UDP, PortRange.single(53)),
        IpSetEntry.of(Cidr.parse("10.0.1.0/24"), IpProtocol.TCP, new PortRange(8080, 8090)));
    assertThat(p.warnings()).extracting(Diagnostic::format).hasSize(3)
        .anySatisfy(w -> assertThat(w).startsWith("s.ipset:6:10: warning: ipset C (hash:ip, inet6) is not evaluated"))
        .anySatisfy(w -> assertThat(w).contains("ipset D (bitmap:port)"))
        .anySatisfy(w -> assertThat(w).contains("nomatch"));
  }

  @Test
  void reportsBadLinesWithTheirPosition() {
    assertThatThrownBy(() -> parser.parse("s.ipset", "create A hash:ip\nadd A 10.0.0.300\nadd B 10.0.0.1\nflush A\n"))
        .isInstanceOfSatisfying(IptablesSaveException.class, e -> assertThat(e.problems()).extracting(Diagnostic::format)
            .containsExactly(
                "s.ipset:2:7: error: bad IPv4 address '10.0.0.300' (expected an IPv4 address such as 10.0.0.1)",
                "s.ipset:3:5: error: set B is not created before this line (expected create first)",
                "s.ipset:4:1: error: unexpected 'flush' (expected create NAME TYPE ... or add NAME ELEMENT)"));
  }

  @Provide
  Arbitrary<Map<String, IpSet>> sets() {
    Arbitrary<IpSet> plain = Combinators.combine(NetfilterArbitraries.setNames(), Arbitraries.of(IpSetType.HASH_IP,
            IpSetType.HASH_NET), NetfilterArbitraries.cidrs().map(IpSetEntry::of).list().ofMaxSize(5))
        .as(IpSet::new);
    Arbitrary<IpSet> ported = Combinators.combine(NetfilterArbitraries.setNames(), NetfilterArbitraries.cidrs(),
            Arbitraries.of(IpProtocol.TCP, IpProtocol.UDP, IpProtocol.SCTP), NetfilterArbitraries.ports())
        .as((n, c, p, r) -> new IpSet(n + "-p", IpSetType.HASH_NET_PORT, List.of(IpSetEntry.of(c, p, r))));
    return Arbitraries.oneOf(plain, ported).list().ofMaxSize(4).map(list -> {
      Map<String, IpSet> m = new LinkedHashMap<>();
      list.forEach(s -> m.putIfAbsent(s.name(), s));
      return m;
    });
  }

  @Property(tries = 300)
  void renderParseIsTheIdentity(@ForAll("sets") Map<String, IpSet> sets) throws IptablesSaveException {
    IpsetSaveParser.ParsedIpsets parsed = parser.parse("gen", new IpsetSaveRenderer().render(sets));
    assertThat(parsed.sets()).isEqualTo(sets);
    assertThat(parsed.warnings()).isEmpty();
  }
}
