package dev.weft.model.netfilter;

import dev.weft.model.ModelException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The chains of one table. Canonical: every built-in chain of the table is present (missing ones get
 * policy ACCEPT and no rules), built-ins come first in hook order and user chains follow sorted by name,
 * as iptables-save lists them. Invariants, as the kernel enforces them on commit: jumps and gotos name a
 * user chain of this table, and no chain can reach itself.
 */
public record NetfilterTable(Table table, Map<ChainName, Chain> chains) {

  public NetfilterTable {
    chains = canonical(table, chains);
    checkReferences(table, chains);
  }

  /** The table with its built-in chains only, all policy ACCEPT: what the kernel has before any rule. */
  public static NetfilterTable empty(Table table) {
    return new NetfilterTable(table, Map.of());
  }

  public static NetfilterTable of(Table table, List<Chain> chains) {
    Map<ChainName, Chain> map = new LinkedHashMap<>();
    for (Chain c : chains) {
      if (map.put(c.name(), c) != null) {
        throw new ModelException("duplicate chain " + c.name() + " in table " + table.keyword());
      }
    }
    return new NetfilterTable(table, map);
  }

  public Optional<Chain> chain(ChainName name) {
    return Optional.ofNullable(chains.get(name));
  }

  /** The built-in chain of {@code hook}; the table must have that hook. */
  public Chain builtin(Hook hook) {
    Chain c = chains.get(hook.chain());
    if (c == null) {
      throw new IllegalArgumentException("table " + table.keyword() + " has no " + hook + " chain");
    }
    return c;
  }

  /** No user chain, no rule, and every policy ACCEPT. */
  public boolean isDefault() {
    return chains.values().stream().allMatch(c -> c.isBuiltin() && c.rules().isEmpty()
        && c.policy().orElseThrow() == Policy.ACCEPT);
  }

  public NetfilterTable withoutLines() {
    return NetfilterTable.of(table, chains.values().stream().map(Chain::withoutLines).toList());
  }

  private static Map<ChainName, Chain> canonical(Table table, Map<ChainName, Chain> chains) {
    Map<ChainName, Chain> out = new LinkedHashMap<>();
    for (ChainName b : table.builtinChains()) {
      Chain c = chains.getOrDefault(b, Chain.builtin(b, Policy.ACCEPT, List.of()));
      if (c.policy().isEmpty()) {
        throw new ModelException("built-in chain " + b + " of table " + table.keyword() + " needs a policy");
      }
      out.put(b, c);
    }
    List<ChainName> users = new ArrayList<>();
    chains.forEach((name, c) -> {
      if (!name.equals(c.name())) {
        throw new ModelException("chain " + c.name() + " is stored under the name " + name);
      }
      if (!table.isBuiltin(name)) {
        if (c.policy().isPresent()) {
          throw new ModelException("user chain " + name + " cannot have a policy");
        }
        users.add(name);
      }
    });
    Collections.sort(users);
    users.forEach(u -> out.put(u, chains.get(u)));
    return Collections.unmodifiableMap(out);
  }

  private static void checkReferences(Table table, Map<ChainName, Chain> chains) {
    Map<ChainName, List<ChainName>> edges = new HashMap<>();
    for (Chain c : chains.values()) {
      for (Rule r : c.rules()) {
        Optional<ChainName> to = switch (r.target()) {
          case Target.Jump j -> Optional.of(j.chain());
          case Target.Goto g -> Optional.of(g.chain());
          default -> Optional.empty();
        };
        if (to.isEmpty()) {
          continue;
        }
        ChainName t = to.get();
        if (table.isBuiltin(t) || !chains.containsKey(t)) {
          throw new ModelException("rule in " + table.keyword() + " " + c.name() + " jumps to "
              + (chains.containsKey(t) ? "built-in chain " : "missing chain ") + t);
        }
        edges.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(t);
      }
    }
    findLoop(edges).ifPresent(chain -> {
      throw new ModelException("chain " + chain + " in table " + table.keyword() + " can reach itself");
    });
  }

  /** A chain on a jump cycle, if there is one (iterative DFS with three colours). */
  static Optional<ChainName> findLoop(Map<ChainName, List<ChainName>> edges) {
    Set<ChainName> done = new HashSet<>();
    Set<ChainName> onPath = new HashSet<>();
    for (ChainName start : edges.keySet()) {
      if (done.contains(start)) {
        continue;
      }
      List<ChainName> stack = new ArrayList<>(List.of(start));
      List<Integer> next = new ArrayList<>(List.of(0));
      onPath.add(start);
      while (!stack.isEmpty()) {
        int top = stack.size() - 1;
        ChainName at = stack.get(top);
        List<ChainName> out = edges.getOrDefault(at, List.of());
        int i = next.get(top);
        if (i == out.size()) {
          stack.remove(top);
          next.remove(top);
          onPath.remove(at);
          done.add(at);
          continue;
        }
        next.set(top, i + 1);
        ChainName to = out.get(i);
        if (onPath.contains(to)) {
          return Optional.of(to);
        }
        if (!done.contains(to)) {
          stack.add(to);
          next.add(0);
          onPath.add(to);
        }
      }
    }
    return Optional.empty();
  }
}
