package dev.weft.netfilter.save;

import dev.weft.model.ModelException;
import dev.weft.model.netfilter.Chain;
import dev.weft.model.netfilter.ChainName;
import dev.weft.model.netfilter.Match;
import dev.weft.model.netfilter.NetfilterTable;
import dev.weft.model.netfilter.Policy;
import dev.weft.model.netfilter.Rule;
import dev.weft.model.netfilter.Table;
import dev.weft.model.netfilter.Target;
import dev.weft.model.value.InvalidValueException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The chains of one {@code *table ... COMMIT} block while it is read. Targets that name a chain are
 * resolved at COMMIT, so a rule may jump to a chain declared further down, as iptables-restore allows.
 */
final class TableBuilder {
  private final Table table;
  private final int line;
  private final Map<ChainName, Optional<Policy>> declared = new LinkedHashMap<>();
  private final Map<ChainName, Integer> declaredAt = new LinkedHashMap<>();
  private final Map<ChainName, List<Pending>> rules = new LinkedHashMap<>();

  private record Pending(List<Match> matches, TargetSpec target, int line) {}

  TableBuilder(Table table, int line) {
    this.table = table;
    this.line = line;
  }

  Table table() {
    return table;
  }

  int line() {
    return line;
  }

  void declare(Token name, Optional<Policy> policy, int atLine) {
    ChainName chain = chainName(name);
    boolean builtin = table.isBuiltin(chain);
    if (builtin && policy.isEmpty()) {
      throw new LineSyntaxException(name, "built-in chain " + chain + " needs a policy", "ACCEPT or DROP");
    }
    if (!builtin && policy.isPresent()) {
      throw new LineSyntaxException(name, chain + " is not a built-in chain of table " + table.keyword()
          + ", so its policy must be '-'", "- for a user chain, or a built-in chain of " + table.keyword()
          + ": " + table.builtinChains());
    }
    if (declared.containsKey(chain)) {
      throw new LineSyntaxException(name, "chain " + chain + " is declared twice (first on line "
          + declaredAt.get(chain) + ")", "one declaration per chain");
    }
    declared.put(chain, policy);
    declaredAt.put(chain, atLine);
  }

  /** {@code -P CHAIN POLICY} (restore input): set a built-in chain's policy. */
  void policy(Token name, Policy policy, int atLine) {
    ChainName chain = chainName(name);
    if (!table.isBuiltin(chain)) {
      throw new LineSyntaxException(name, "only built-in chains have a policy", table.builtinChains().toString());
    }
    declared.put(chain, Optional.of(policy));
    declaredAt.putIfAbsent(chain, atLine);
  }

  void append(Token chainToken, RuleLineParser.Parsed parsed, int atLine) {
    ChainName chain = chainName(chainToken);
    if (!declared.containsKey(chain) && !table.isBuiltin(chain)) {
      throw new LineSyntaxException(chainToken, "chain " + chain + " is not declared in table " + table.keyword(),
          "a ':" + chain + " - [0:0]' line before its rules, or a built-in chain");
    }
    for (List<Match> m : parsed.variants()) {
      rules.computeIfAbsent(chain, k -> new ArrayList<>()).add(new Pending(m, parsed.target(), atLine));
    }
  }

  /** Resolves chain targets and builds the table; problems go to {@code sink} with their lines. */
  Optional<NetfilterTable> commit(ProblemSink sink) {
    List<Chain> chains = new ArrayList<>();
    List<ChainName> names = new ArrayList<>(table.builtinChains());
    declared.keySet().stream().filter(n -> !table.isBuiltin(n)).forEach(names::add);
    boolean ok = true;
    for (ChainName name : names) {
      List<Rule> built = new ArrayList<>();
      for (Pending p : rules.getOrDefault(name, List.of())) {
        try {
          built.add(new Rule(p.matches(), resolve(p, sink), OptionalInt.of(p.line())));
        } catch (LineSyntaxException e) {
          sink.error(p.line(), e.column(), e.getMessage(), e.expected());
          ok = false;
        } catch (InvalidValueException e) {
          sink.error(p.line(), 1, e.getMessage(), e.expected());
          ok = false;
        }
      }
      Optional<Policy> policy = table.isBuiltin(name)
          ? Optional.of(declared.getOrDefault(name, Optional.of(Policy.ACCEPT)).orElse(Policy.ACCEPT))
          : Optional.empty();
      chains.add(new Chain(name, policy, built));
    }
    if (!ok) {
      return Optional.empty();
    }
    try {
      return Optional.of(NetfilterTable.of(table, chains));
    } catch (ModelException e) {
      sink.error(line, 1, "table " + table.keyword() + ": " + e.getMessage(), "jumps to user chains without loops");
      return Optional.empty();
    }
  }

  private Target resolve(Pending p, ProblemSink sink) {
    return switch (p.target()) {
      case TargetSpec.Resolved r -> r.target();
      case TargetSpec.ChainRef ref -> chainTarget(ref, p.line(), sink);
    };
  }

  private Target chainTarget(TargetSpec.ChainRef ref, int atLine, ProblemSink sink) {
    Token name = ref.name();
    Optional<ChainName> chain = validName(name.text());
    if (chain.isPresent() && table.isBuiltin(chain.get())) {
      throw new LineSyntaxException(name, "cannot jump to built-in chain " + name.text(), "a user chain");
    }
    if (chain.isPresent() && declared.containsKey(chain.get())) {
      if (!ref.options().isEmpty()) {
        throw new LineSyntaxException(ref.options().getFirst().option(), "a jump to a chain takes no options",
            "nothing after -j " + name.text());
      }
      return ref.isGoto() ? new Target.Goto(chain.get()) : new Target.Jump(chain.get());
    }
    if (ref.isGoto()) {
      throw new LineSyntaxException(name, "-g to " + name.text() + ", which is not a chain of table " + table.keyword(),
          "a declared user chain");
    }
    List<String> tokens = new ArrayList<>(List.of(name.text()));
    ref.options().forEach(g -> tokens.addAll(g.texts()));
    sink.warning(SaveProblemKind.UNINTERPRETED_TARGET, atLine, name.column(), "target '" + String.join(" ", tokens) + "' is not interpreted "
        + "(not a chain of table " + table.keyword() + "); verdicts that reach it are UNKNOWN");
    return new Target.Unknown(tokens);
  }

  private static Optional<ChainName> validName(String text) {
    try {
      return Optional.of(ChainName.of(text));
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }

  private static ChainName chainName(Token t) {
    try {
      return ChainName.of(t.text());
    } catch (InvalidValueException e) {
      throw new LineSyntaxException(t, "bad chain name '" + t.text() + "'", e.expected());
    }
  }
}
