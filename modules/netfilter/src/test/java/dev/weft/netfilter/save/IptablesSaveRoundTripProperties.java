package dev.weft.netfilter.save;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.netfilter.Chain;
import dev.weft.model.netfilter.IpProtocol;
import dev.weft.model.netfilter.NetfilterArbitraries;
import dev.weft.model.netfilter.NetfilterTable;
import dev.weft.model.netfilter.Rule;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.netfilter.Table;
import dev.weft.netfilter.render.IptablesRestoreRenderer;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** parse(render(model)) == model over generated rule sets, and rendering is stable. */
class IptablesSaveRoundTripProperties {
  private final IptablesSaveParser parser = new IptablesSaveParser();
  private final IptablesRestoreRenderer renderer = new IptablesRestoreRenderer();

  @Provide
  Arbitrary<Ruleset> rulesets() {
    Arbitrary<NetfilterTable> nat = natRules().list().ofMaxSize(6).map(rules -> NetfilterTable.of(Table.NAT,
        List.of(Chain.builtin(Table.NAT.builtinChains().get(0), dev.weft.model.netfilter.Policy.ACCEPT, rules))));
    return Combinators.combine(NetfilterArbitraries.rulesets(), nat.optional()).as((rs, n) ->
        n.map(rs::withTable).orElse(rs));
  }

  private static Arbitrary<Rule> natRules() {
    return Combinators.combine(NetfilterArbitraries.rules(List.of()), Arbitraries.of(true, false))
        .flatAs((r, ports) -> NetfilterArbitraries.natTargets(r.protocol().filter(IpProtocol::hasPorts).isPresent())
            .map(t -> new Rule(r.matches(), t, OptionalInt.empty())));
  }

  @Property(tries = 400)
  void parseRenderParseIsTheIdentity(@ForAll("rulesets") Ruleset model) throws IptablesSaveException {
    String text = renderer.render(model);
    ParsedRuleset parsed = parser.parse("generated", text);
    assertThat(parsed.ruleset().withoutLines()).isEqualTo(model);
    assertThat(renderer.render(parsed.ruleset())).isEqualTo(text);
  }

  @Property(tries = 200)
  void everyRuleKeepsItsLine(@ForAll("rulesets") Ruleset model) throws IptablesSaveException {
    String[] lines = renderer.render(model).split("\n");
    Ruleset parsed = parser.parse("generated", String.join("\n", lines)).ruleset();
    parsed.tables().values().forEach(t -> t.chains().values().forEach(c -> c.rules().forEach(r ->
        assertThat(lines[r.line().orElseThrow() - 1]).startsWith("-A " + c.name() + " "))));
  }
}
