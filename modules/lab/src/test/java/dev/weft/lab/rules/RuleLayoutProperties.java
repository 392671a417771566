package dev.weft.lab.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.netfilter.Chain;
import dev.weft.model.netfilter.Hook;
import dev.weft.model.netfilter.NetfilterArbitraries;
import dev.weft.model.netfilter.NetfilterTable;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.netfilter.Table;
import dev.weft.model.value.IpAddress;
import dev.weft.netfilter.eval.HostFacts;
import dev.weft.netfilter.eval.Packet;
import dev.weft.netfilter.eval.PacketContext;
import dev.weft.netfilter.eval.RulesetEvaluator;
import dev.weft.netfilter.eval.TableOutcome;
import dev.weft.netfilter.save.IptablesSaveParser;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RuleLayoutProperties {
  private final RuleLayout layout = new RuleLayout();
  private final HostFacts facts = HostFacts.withLocalAddresses(Set.of(IpAddress.parse("10.0.0.1")));

  /** The layout means what the model means: the same verdicts, marks and NAT for any packet at any hook. */
  @Property(tries = 300)
  void layoutKeepsEveryVerdict(@ForAll("rulesets") Ruleset model, @ForAll("packets") List<PacketContext> packets) {
    RuleLayout.Layout laid = layout.layout(model);
    RulesetEvaluator before = new RulesetEvaluator(model, facts);
    RulesetEvaluator after = new RulesetEvaluator(laid.kernel(), facts);
    for (Table t : Table.values()) {
      for (Hook h : t.hooks()) {
        for (PacketContext p : packets) {
          assertThat(summary(after.evaluate(t, h, p).outcomes()))
              .as("%s %s for %s", t, h, p.packet())
              .isEqualTo(summary(before.evaluate(t, h, p).outcomes()));
        }
      }
    }
  }

  /** weft owns everything in the layout except the one jump per hooked built-in chain. */
  @Property(tries = 200)
  void onlyHooksTouchBuiltinChains(@ForAll("rulesets") Ruleset model) {
    RuleLayout.Layout laid = layout.layout(model);
    for (NetfilterTable t : laid.kernel().tables().values()) {
      for (Chain c : t.chains().values()) {
        if (c.isBuiltin()) {
          assertThat(c.rules()).hasSizeLessThanOrEqualTo(1);
          assertThat(c.policy()).contains(dev.weft.model.netfilter.Policy.ACCEPT);
        } else {
          assertThat(c.name().value()).startsWith("WEFT");
        }
      }
    }
    assertThat(Hooks.of(laid.kernel())).containsExactlyInAnyOrderElementsOf(laid.hooks());
    String input = new IptablesInput().render(laid, Ruleset.empty());
    for (String line : input.lines().toList()) {
      if (line.startsWith(":") || line.startsWith("-A") || line.startsWith("-X")) {
        assertThat(line.split(" ")[line.startsWith(":") ? 0 : 1].replace(":", "")).startsWith("WEFT");
      }
    }
  }

  /**
   * What iptables-save prints after the restore input is applied (chains declared, rules appended, hooks
   * inserted) parses back to the layout: desired and observed rules compare as values.
   */
  @Property(tries = 200)
  void restoreInputParsesBackToTheLayout(@ForAll("rulesets") Ruleset model) throws Exception {
    RuleLayout.Layout laid = layout.layout(model);
    StringBuilder save = new StringBuilder();
    String input = new IptablesInput().render(laid, Ruleset.empty());
    for (String block : input.split("COMMIT\n")) {
      if (block.isBlank()) {
        continue;
      }
      String table = block.lines().findFirst().orElseThrow();
      NetfilterTable t = laid.kernel().table(Table.byKeyword(table.substring(1)).orElseThrow());
      save.append(table).append('\n');
      t.chains().values().stream().filter(Chain::isBuiltin)
          .forEach(c -> save.append(':').append(c.name()).append(" ACCEPT [0:0]\n"));
      block.lines().skip(1).filter(l -> l.startsWith(":")).forEach(l -> save.append(l).append('\n'));
      laid.hooks().stream().filter(h -> h.table().equals(table.substring(1)))
          .forEach(h -> save.append("-A ").append(h.builtinChain()).append(" -j ").append(h.weftChain()).append('\n'));
      block.lines().filter(l -> l.startsWith("-A")).forEach(l -> save.append(l).append('\n'));
      save.append("COMMIT\n");
    }
    Ruleset parsed = new IptablesSaveParser().parse("save", save.toString()).ruleset().withoutLines();
    assertThat(IptablesInput.normalize(parsed)).isEqualTo(IptablesInput.normalize(laid.kernel()));
  }

  private static List<String> summary(List<TableOutcome> outcomes) {
    return outcomes.stream().map(o -> o.verdict() + " mark=" + o.packet().mark() + " nat=" + o.nat()).toList();
  }

  @Provide
  Arbitrary<Ruleset> rulesets() {
    return NetfilterArbitraries.rulesets();
  }

  @Provide
  Arbitrary<List<PacketContext>> packets() {
    Arbitrary<Packet> packet = Combinators.combine(NetfilterArbitraries.ipv4(), NetfilterArbitraries.ipv4(),
        Arbitraries.integers().between(0, 65535), Arbitraries.integers().between(0, 65535), Arbitraries.of(6, 17, 1, 47))
        .as((s, d, sp, dp, proto) -> switch (proto) {
          case 6 -> Packet.tcp(s, sp, d, dp);
          case 17 -> Packet.udp(s, sp, d, dp);
          case 1 -> Packet.icmp(s, d, sp % 256, dp % 256);
          default -> new Packet(s, d, proto, new dev.weft.netfilter.eval.L4.None());
        });
    Arbitrary<Optional<String>> iface = Arbitraries.of("eth0", "eth1", "cali1a2b3c", "vxlan.calico", "lo").optional();
    return Combinators.combine(packet, iface, iface, Arbitraries.longs().between(0, 0xffff_ffffL))
        .as((p, in, out, mark) -> PacketContext.of(p).withInterfaces(in, out).withMark(mark))
        .list().ofMinSize(1).ofMaxSize(8);
  }
}
