package dev.weft.netfilter.eval;

import dev.weft.model.netfilter.Hook;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.netfilter.Table;
import java.util.EnumMap;
import java.util.Map;

/**
 * The concrete evaluator: compiles a rule set once (per table, chains to arrays with resolved jumps) and
 * then answers "what happens to this packet in table T at hook H" as the set of possible outcomes.
 * Immutable and thread-safe after construction; an evaluation allocates only its result when no
 * statistic rule forks the walk, so it is cheap to call for every equivalence class of a verifier.
 */
public final class RulesetEvaluator {
  private final Ruleset ruleset;
  private final HostFacts facts;
  private final MatchEvaluator matcher;
  private final Map<Table, CompiledTable> compiled = new EnumMap<>(Table.class);

  public RulesetEvaluator(Ruleset ruleset, HostFacts facts) {
    this.ruleset = ruleset;
    this.facts = facts;
    this.matcher = new MatchEvaluator(ruleset.ipsets(), facts);
    for (Table t : Table.values()) {
      compiled.put(t, new CompiledTable(ruleset.table(t)));
    }
  }

  /** The outcomes of {@code table} at {@code hook}; the table must have a chain at that hook. */
  public TableResult evaluate(Table table, Hook hook, PacketContext packet) {
    return new ChainWalker(compiled.get(table), matcher, false).walk(hook, packet);
  }

  /** Like {@link #evaluate}, with the steps of each outcome recorded (one outcome per path, not merged). */
  public TableResult trace(Table table, Hook hook, PacketContext packet) {
    return new ChainWalker(compiled.get(table), matcher, true).walk(hook, packet);
  }

  public Ruleset ruleset() {
    return ruleset;
  }

  public HostFacts facts() {
    return facts;
  }

  public MatchEvaluator matcher() {
    return matcher;
  }
}
