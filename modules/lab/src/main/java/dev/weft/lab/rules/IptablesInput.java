package dev.weft.lab.rules;

import dev.weft.model.netfilter.Chain;
import dev.weft.model.netfilter.ChainName;
import dev.weft.model.netfilter.NetfilterTable;
import dev.weft.model.netfilter.Rule;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.netfilter.Table;
import dev.weft.model.netfilter.Target;
import dev.weft.netfilter.render.IptablesRestoreRenderer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code iptables-restore --noflush} input that turns what a namespace has into a layout: every
 * weft chain of the layout is declared (which flushes it) and refilled; weft chains the layout no longer
 * has are flushed, then deleted, except hook chains, which stay empty because a built-in chain still
 * jumps to them (weft may not edit built-in chains). Built-in chains are never named: the applier adds
 * the hooks. {@link #normalize} makes an emptied hook and no hook compare equal.
 */
public final class IptablesInput {
  private final IptablesRestoreRenderer renderer = new IptablesRestoreRenderer();

  public String render(RuleLayout.Layout desired, Ruleset observed) {
    StringBuilder sb = new StringBuilder();
    Set<Table> tables = EnumSet.noneOf(Table.class);
    tables.addAll(desired.kernel().tables().keySet());
    observed.tables().forEach((t, v) -> {
      if (v.chains().keySet().stream().anyMatch(IptablesInput::weft)) {
        tables.add(t);
      }
    });
    for (Table t : tables) {
      NetfilterTable want = desired.kernel().table(t);
      NetfilterTable have = observed.table(t);
      List<String> deletions = new ArrayList<>();
      sb.append('*').append(t.keyword()).append('\n');
      for (Chain c : want.chains().values()) {
        if (!c.isBuiltin()) {
          sb.append(':').append(c.name()).append(" - [0:0]\n");
        }
      }
      for (ChainName old : have.chains().keySet()) {
        if (weft(old) && want.chain(old).isEmpty()) {
          sb.append(':').append(old).append(" - [0:0]\n");
          if (!isHookChain(old)) {
            deletions.add("-X " + old);
          }
        }
      }
      for (Chain c : want.chains().values()) {
        if (!c.isBuiltin()) {
          c.rules().forEach(r -> sb.append("-A ").append(c.name()).append(renderer.rule(r)).append('\n'));
        }
      }
      deletions.forEach(d -> sb.append(d).append('\n'));
      sb.append("COMMIT\n");
    }
    return sb.toString();
  }

  /**
   * The rule set without empty hook chains and the jumps to them: an emptied hook left by a previous
   * layout means the same as no hook at all.
   */
  public static Ruleset normalize(Ruleset rules) {
    List<NetfilterTable> out = new ArrayList<>();
    for (NetfilterTable t : rules.tables().values()) {
      Set<ChainName> idle = new java.util.HashSet<>();
      t.chains().values().stream().filter(c -> !c.isBuiltin() && isHookChain(c.name()) && c.rules().isEmpty())
          .forEach(c -> idle.add(c.name()));
      Map<ChainName, Chain> chains = new LinkedHashMap<>();
      for (Chain c : t.chains().values()) {
        if (idle.contains(c.name())) {
          continue;
        }
        List<Rule> kept = c.rules().stream()
            .filter(r -> !(c.isBuiltin() && r.target() instanceof Target.Jump j && idle.contains(j.chain())))
            .map(Rule::withoutLine).toList();
        chains.put(c.name(), new Chain(c.name(), c.policy(), kept));
      }
      out.add(new NetfilterTable(t.table(), chains));
    }
    return Ruleset.of(out).withIpsets(rules.ipsets());
  }

  static boolean weft(ChainName chain) {
    return chain.value().startsWith("WEFT");
  }

  /** {@code WEFT-B} for a built-in chain B: the chains hooks jump to. */
  static boolean isHookChain(ChainName chain) {
    return java.util.Arrays.stream(dev.weft.model.netfilter.Hook.values())
        .anyMatch(h -> chain.value().equals(RuleLayout.HOOK_PREFIX + h.name()));
  }
}
