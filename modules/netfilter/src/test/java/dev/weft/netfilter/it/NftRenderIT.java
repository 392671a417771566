package dev.weft.netfilter.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.netfilter.Ruleset;
import dev.weft.netfilter.Dumps;
import dev.weft.netfilter.render.NftRenderer;
import dev.weft.netfilter.render.NftScript;
import dev.weft.netfilter.testing.KernelValidRulesets;
import dev.weft.netfilter.testing.TempNetns;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Tag;

/** The nft rendering is checked ({@code nft -c}) and loaded by the real nft, inside a namespace of our own. */
@Tag("slow")
class NftRenderIT extends NamespaceContainer {
  private final NftRenderer renderer = new NftRenderer();

  private String load(NftScript script) {
    ns().exec(null, "nft", "flush", "ruleset");
    TempNetns.Result check = ns().exec(script.text(), "nft", "-c", "-f", "-");
    assertThat(check.exit()).as("nft -c:\n" + check.err() + "\nscript:\n" + script.text()).isZero();
    TempNetns.Result load = ns().exec(script.text(), "nft", "-f", "-");
    assertThat(load.exit()).as("nft -f:\n" + load.err()).isZero();
    TempNetns.Result list = ns().exec(null, "nft", "list", "ruleset");
    assertThat(list.exit()).isZero();
    return list.out();
  }

  @Property(tries = 1)
  void theFixturesLoadIntoNft() {
    for (String fixture : List.of(Dumps.KUBE_PROXY, Dumps.CALICO, Dumps.KUBE_ROUTER)) {
      NftScript script = renderer.render(Dumps.withIpsets(fixture));
      String listed = load(script);
      assertThat(listed).as(fixture).contains("table ip filter");
      Dumps.parse(fixture).ruleset().tables().values().forEach(t -> t.chains().keySet().forEach(c ->
          assertThat(listed).as(fixture).contains("chain " + c.value() + " {")));
    }
    NftScript kubeRouter = renderer.render(Dumps.withIpsets(Dumps.KUBE_ROUTER));
    assertThat(kubeRouter.warnings()).singleElement().satisfies(w -> assertThat(w).contains("physdev"));
    String calico = load(renderer.render(Dumps.withIpsets(Dumps.CALICO)));
    assertThat(calico).contains("elements = { 10.244.1.10 }").contains("@cali40s_LBmDNB4Ca0Y1cUw-T2wnkA");
    String kubeProxy = load(renderer.render(Dumps.withIpsets(Dumps.KUBE_PROXY)));
    assertThat(kubeProxy).contains("numgen random mod 2147483648 <= 715827882").contains("dnat to 10.244.1.5:8080")
        .contains("masquerade fully-random").contains("meta mark set meta mark | 0x00004000");
  }

  @Property(tries = 150)
  void generatedRulesetsLoadIntoNft(@ForAll("rulesets") Ruleset model) {
    NftScript script = renderer.render(model);
    load(script);
    assertThat(script.warnings()).allSatisfy(w -> assertThat(w).contains("length"));
  }

  @Provide
  Arbitrary<Ruleset> rulesets() {
    return KernelValidRulesets.rulesets();
  }
}
