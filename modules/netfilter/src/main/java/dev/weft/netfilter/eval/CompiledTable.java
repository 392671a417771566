package dev.weft.netfilter.eval;

import dev.weft.model.netfilter.Chain;
import dev.weft.model.netfilter.ChainName;
import dev.weft.model.netfilter.Hook;
import dev.weft.model.netfilter.NetfilterTable;
import dev.weft.model.netfilter.Policy;
import dev.weft.model.netfilter.Rule;
import dev.weft.model.netfilter.Table;
import dev.weft.model.netfilter.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table flattened into arrays once, so that a walk does no map lookups: chains by index, each rule's
 * jump/goto target resolved to a chain index, and the RuleRef of every rule built ahead of time.
 */
final class CompiledTable {
  final Table table;
  final ChainName[] names;
  final Rule[][] rules;
  final RuleRef[][] refs;
  final int[][] jumpTo;
  final boolean[] builtin;
  final Policy[] policy;
  private final int[] hookChain = new int[Hook.values().length];

  CompiledTable(NetfilterTable source) {
    this.table = source.table();
    List<Chain> chains = List.copyOf(source.chains().values());
    int n = chains.size();
    names = new ChainName[n];
    rules = new Rule[n][];
    refs = new RuleRef[n][];
    jumpTo = new int[n][];
    builtin = new boolean[n];
    policy = new Policy[n];
    Map<ChainName, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(chains.get(i).name(), i);
    }
    java.util.Arrays.fill(hookChain, -1);
    for (int i = 0; i < n; i++) {
      Chain c = chains.get(i);
      names[i] = c.name();
      builtin[i] = c.isBuiltin();
      policy[i] = c.policy().orElse(Policy.ACCEPT);
      c.name().builtinHook().filter(h -> c.isBuiltin()).ifPresent(h -> hookChain[h.ordinal()] = index.get(c.name()));
      rules[i] = c.rules().toArray(Rule[]::new);
      refs[i] = new RuleRef[rules[i].length];
      jumpTo[i] = new int[rules[i].length];
      for (int r = 0; r < rules[i].length; r++) {
        refs[i][r] = new RuleRef(table, c.name(), r + 1, rules[i][r]);
        jumpTo[i][r] = switch (rules[i][r].target()) {
          case Target.Jump j -> index.get(j.chain());
          case Target.Goto g -> index.get(g.chain());
          default -> -1;
        };
      }
    }
  }

  /** The index of the built-in chain for {@code hook}; the table must have it. */
  int start(Hook hook) {
    int i = hookChain[hook.ordinal()];
    if (i < 0) {
      throw new IllegalArgumentException("table " + table.keyword() + " has no " + hook + " chain");
    }
    return i;
  }
}
