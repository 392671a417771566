package dev.weft.lab.rules;

import dev.weft.lab.plan.ShortHash;
import dev.weft.linux.netfilter.IptablesHook;
import dev.weft.model.netfilter.Chain;
import dev.weft.model.netfilter.ChainName;
import dev.weft.model.netfilter.NetfilterTable;
import dev.weft.model.netfilter.Policy;
import dev.weft.model.netfilter.Rule;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.netfilter.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays a model rule set out the way weft may own it on a shared kernel: nothing in a built-in chain but
 * one jump (an {@link IptablesHook}) to a chain of weft's.
 *
 * <p>Design note. Built-in chain {@code B} becomes {@code WEFT-B}, hooked from the top of {@code B}; a
 * user chain {@code U} becomes {@code WEFTU-U} (or {@code WEFTU-} + a hash when that would pass 28
 * characters). A built-in policy of DROP cannot be set on a chain weft does not own, so {@code WEFT-B}
 * then holds a jump to {@code WEFT-B-RULES} (the rules) followed by {@code -j DROP}: a RETURN or falling
 * off the end of the rules comes back to that DROP, exactly as it would reach the policy. Everything
 * else keeps its meaning because the built-in chains hold nothing but the hook. The result is itself a
 * {@link Ruleset} (the kernel's view, as iptables-save prints it), so desired and observed rules compare
 * as values.
 */
public final class RuleLayout {
  public static final String HOOK_PREFIX = "WEFT-";
  public static final String USER_PREFIX = "WEFTU-";
  public static final String RULES_SUFFIX = "-RULES";

  /** The kernel's rule set and the hooks that reach it from the built-in chains. */
  public record Layout(Ruleset kernel, List<IptablesHook> hooks) {
    public Layout {
      hooks = List.copyOf(hooks);
    }

    public boolean isEmpty() {
      return kernel.isEmpty();
    }
  }

  /** The layout of {@code model} (a bridge's ipMasq is already among its rules: the model holds it so). */
  public Layout layout(Ruleset model) {
    List<NetfilterTable> tables = new ArrayList<>();
    List<IptablesHook> hooks = new ArrayList<>();
    for (NetfilterTable t : model.tables().values()) {
      tables.add(layTable(t, hooks));
    }
    return new Layout(Ruleset.of(tables), hooks);
  }

  private NetfilterTable layTable(NetfilterTable table, List<IptablesHook> hooks) {
    Map<ChainName, ChainName> names = renames(table);
    List<Chain> out = new ArrayList<>();
    List<Chain> builtins = new ArrayList<>();
    for (Chain c : table.chains().values()) {
      List<Rule> rules = c.rules().stream().map(r -> renamed(r, names)).toList();
      if (!c.isBuiltin()) {
        out.add(Chain.user(names.get(c.name()), rules));
        continue;
      }
      boolean drop = c.policy().orElseThrow() != Policy.ACCEPT;
      if (rules.isEmpty() && !drop) {
        continue;
      }
      ChainName hook = ChainName.of(HOOK_PREFIX + c.name());
      if (drop) {
        ChainName body = ChainName.of(HOOK_PREFIX + c.name() + RULES_SUFFIX);
        out.add(Chain.user(body, rules));
        out.add(Chain.user(hook, List.of(Rule.of(new Target.Jump(body)), Rule.of(new Target.Drop()))));
      } else {
        out.add(Chain.user(hook, rules));
      }
      hooks.add(new IptablesHook(table.table().keyword(), c.name().value(), hook.value()));
      builtins.add(Chain.builtin(c.name(), Policy.ACCEPT, List.of(Rule.of(new Target.Jump(hook)))));
    }
    List<Chain> all = new ArrayList<>(builtins);
    all.addAll(out);
    return NetfilterTable.of(table.table(), all);
  }

  private static Map<ChainName, ChainName> renames(NetfilterTable table) {
    Map<ChainName, ChainName> names = new HashMap<>();
    Map<ChainName, ChainName> taken = new HashMap<>();
    for (Chain c : table.chains().values()) {
      if (c.isBuiltin()) {
        continue;
      }
      String plain = USER_PREFIX + c.name().value();
      ChainName renamed = ChainName.of(plain.length() <= ChainName.MAX_LENGTH ? plain : USER_PREFIX + hash(c.name().value()));
      ChainName before = taken.put(renamed, c.name());
      if (before != null) {
        throw new IllegalArgumentException("chains " + before + " and " + c.name() + " would both be laid out as " + renamed);
      }
      names.put(c.name(), renamed);
    }
    return names;
  }

  private static Rule renamed(Rule rule, Map<ChainName, ChainName> names) {
    Target t = switch (rule.target()) {
      case Target.Jump j -> new Target.Jump(names.get(j.chain()));
      case Target.Goto g -> new Target.Goto(names.get(g.chain()));
      default -> rule.target();
    };
    return t == rule.target() ? rule.withoutLine() : new Rule(rule.matches(), t, java.util.OptionalInt.empty());
  }

  private static String hash(String text) {
    return ShortHash.hex(text, 8);
  }
}
