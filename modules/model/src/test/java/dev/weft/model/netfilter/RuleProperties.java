package dev.weft.model.netfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RuleProperties {

  @Provide
  Arbitrary<Rule> rules() {
    return NetfilterArbitraries.rules(List.of(ChainName.of("X")));
  }

  @Provide
  Arbitrary<Ruleset> rulesets() {
    return NetfilterArbitraries.rulesets();
  }

  /** Header matches are sorted out of any order, and the rest keep their relative order. */
  @Property
  void canonicalOrderIgnoresWhereHeadersWereWritten(@ForAll("rules") Rule rule, @ForAll long seed) {
    List<Match> shuffled = new ArrayList<>(rule.matches());
    Collections.shuffle(shuffled, new Random(seed));
    List<Match> rest = rule.matches().stream().filter(m -> Rule.headerRank(m) == 5).toList();
    List<Match> reordered = new ArrayList<>(shuffled.stream().filter(m -> Rule.headerRank(m) < 5).toList());
    reordered.addAll(rest);
    assertThat(new Rule(reordered, rule.target(), rule.line())).isEqualTo(rule);
    assertThat(new Rule(rule.matches(), rule.target(), rule.line())).isEqualTo(rule);
  }

  @Property(tries = 100)
  void rebuildingARulesetGivesTheSameRuleset(@ForAll("rulesets") Ruleset rs) {
    Ruleset rebuilt = Ruleset.of(rs.tables().values().stream()
        .map(t -> NetfilterTable.of(t.table(), List.copyOf(t.chains().values()).reversed())).toList());
    assertThat(rebuilt).isEqualTo(rs);
    assertThat(rs.withoutLines()).isEqualTo(rs);
  }
}
