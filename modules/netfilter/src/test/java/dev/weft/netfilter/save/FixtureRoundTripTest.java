package dev.weft.netfilter.save;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.netfilter.Ruleset;
import dev.weft.netfilter.Dumps;
import dev.weft.netfilter.render.IptablesRestoreRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FixtureRoundTripTest {
  private final IptablesRestoreRenderer renderer = new IptablesRestoreRenderer();

  @ParameterizedTest
  @ValueSource(strings = {Dumps.KUBE_PROXY, Dumps.CALICO, Dumps.KUBE_ROUTER})
  void parseRenderParseIsTheIdentity(String fixture) throws IptablesSaveException {
    ParsedRuleset parsed = Dumps.parse(fixture);
    String rendered = renderer.render(parsed.ruleset());
    Ruleset again = new IptablesSaveParser().parse("rendered", rendered).ruleset();
    assertThat(again.withoutLines()).isEqualTo(parsed.ruleset().withoutLines());
    assertThat(renderer.render(again)).isEqualTo(rendered);
  }

  /**
   * Rendering writes each rule as iptables-save would, except for two equivalent spellings weft does not
   * keep apart: a bare {@code -m tcp} (no options) and a one-entry {@code -m multiport} list.
   */
  @ParameterizedTest
  @ValueSource(strings = {Dumps.KUBE_PROXY, Dumps.CALICO, Dumps.KUBE_ROUTER})
  void renderingKeepsEveryRuleLineOfTheDumpUpToEquivalentSpellings(String fixture) {
    String rendered = renderer.render(Dumps.parse(fixture).ruleset());
    Dumps.text(fixture).lines().filter(l -> l.startsWith("-A ")).map(l -> l.replace(" -m tcp -j ", " -j ")
            .replaceAll("-m multiport --dports ([0-9:]+) ", "-m " + (l.contains("-p udp") ? "udp" : "tcp") + " --dport $1 "))
        .forEach(l -> assertThat(rendered).contains(l + "\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {Dumps.KUBE_PROXY, Dumps.KUBE_ROUTER})
  void realDumpsOfKnownShapeHaveNoWarnings(String fixture) {
    assertThat(Dumps.parse(fixture).warnings()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void calicosRpfilterCheckIsTheOnlyWarning() {
    assertThat(Dumps.parse(Dumps.CALICO).warnings()).singleElement()
        .satisfies(w -> assertThat(w.format()).startsWith(Dumps.CALICO + ":14:").contains("rpfilter"));
  }
}
