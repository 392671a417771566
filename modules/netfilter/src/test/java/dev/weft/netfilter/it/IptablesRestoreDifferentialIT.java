package dev.weft.netfilter.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.netfilter.Chain;
import dev.weft.model.netfilter.Match;
import dev.weft.model.netfilter.NetfilterTable;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.netfilter.Dumps;
import dev.weft.netfilter.render.IptablesRestoreRenderer;
import dev.weft.netfilter.save.IptablesSaveException;
import dev.weft.netfilter.save.IptablesSaveParser;
import dev.weft.netfilter.testing.KernelValidRulesets;
import dev.weft.netfilter.testing.TempNetns;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Tag;

/**
 * The differential test against the real iptables: our iptables-restore rendering is loaded into a
 * throw-away network namespace, read back with iptables-save, parsed, and must give our model again.
 */
@Tag("slow")
class IptablesRestoreDifferentialIT extends NamespaceContainer {
  private final IptablesRestoreRenderer renderer = new IptablesRestoreRenderer();

  private Ruleset throughTheKernel(Ruleset model) throws IptablesSaveException {
    TempNetns.Result flush = ns().exec(null, "nft", "flush", "ruleset");
    assertThat(flush.exit()).as(flush.err()).isZero();
    String text = renderer.render(model);
    TempNetns.Result restore = ns().exec(text, "iptables-restore");
    assertThat(restore.exit()).as("iptables-restore:\n" + restore.err() + "\ninput:\n" + text).isZero();
    TempNetns.Result save = ns().exec(null, "iptables-save");
    assertThat(save.exit()).as(save.err()).isZero();
    return new IptablesSaveParser().parse("iptables-save", save.out()).ruleset();
  }

  @Property(tries = 150)
  void generatedRulesetsComeBackUnchanged(@ForAll("rulesets") Ruleset model) throws IptablesSaveException {
    Ruleset back = throughTheKernel(model).withoutLines();
    assertThat(renderer.render(back)).isEqualTo(renderer.render(model));
    assertThat(back).isEqualTo(model);
  }

  @Provide
  Arbitrary<Ruleset> rulesets() {
    return KernelValidRulesets.rulesets();
  }

  @Property(tries = 1)
  void theFixturesComeBackUnchanged() throws IptablesSaveException {
    for (String fixture : List.of(Dumps.KUBE_PROXY, Dumps.CALICO, Dumps.KUBE_ROUTER)) {
      Ruleset model = withoutIpsetRules(Dumps.parse(fixture).ruleset());
      assertThat(throughTheKernel(model).withoutLines()).as(fixture).isEqualTo(model.withoutLines());
    }
  }

  /** There is no ipset tool to create sets with, so rules that test one are left out here. */
  private static Ruleset withoutIpsetRules(Ruleset rs) {
    return Ruleset.of(rs.tables().values().stream().map(t -> NetfilterTable.of(t.table(), t.chains().values().stream()
        .map(c -> new Chain(c.name(), c.policy(), c.rules().stream().filter(r -> r.matches().stream()
            .noneMatch(m -> (m instanceof Match.Not(Match x) ? x : m) instanceof Match.SetMembership)).toList()))
        .toList())).toList());
  }
}
