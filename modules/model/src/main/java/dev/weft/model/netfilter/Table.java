package dev.weft.model.netfilter;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The iptables tables with their built-in chains and hook priorities (linux/netfilter_ipv4.h). The nat
 * table has two priorities: destination NAT at PREROUTING/OUTPUT (-100) and source NAT at
 * POSTROUTING/INPUT (+100); {@link #priority(Hook)} gives the one that applies at a hook.
 */
public enum Table {
  RAW(-300, List.of(Hook.PREROUTING, Hook.OUTPUT)),
  MANGLE(-150, List.of(Hook.PREROUTING, Hook.INPUT, Hook.FORWARD, Hook.OUTPUT, Hook.POSTROUTING)),
  NAT(-100, List.of(Hook.PREROUTING, Hook.INPUT, Hook.OUTPUT, Hook.POSTROUTING)),
  FILTER(0, List.of(Hook.INPUT, Hook.FORWARD, Hook.OUTPUT)),
  SECURITY(50, List.of(Hook.INPUT, Hook.FORWARD, Hook.OUTPUT));

  private final int priority;
  private final List<Hook> hooks;

  Table(int priority, List<Hook> hooks) {
    this.priority = priority;
    this.hooks = hooks;
  }

  /** The hooks this table has built-in chains at, in hook order. */
  public List<Hook> hooks() {
    return hooks;
  }

  public boolean hasHook(Hook hook) {
    return hooks.contains(hook);
  }

  /** The built-in chain names of this table. */
  public List<ChainName> builtinChains() {
    return hooks.stream().map(Hook::chain).toList();
  }

  public boolean isBuiltin(ChainName chain) {
    return chain.builtinHook().filter(hooks::contains).isPresent();
  }

  /** The hook priority of this table at {@code hook}; lower runs first. */
  public int priority(Hook hook) {
    if (this == NAT && (hook == Hook.POSTROUTING || hook == Hook.INPUT)) {
      return 100;
    }
    return priority;
  }

  /** The name as iptables writes it after {@code *} and {@code -t}. */
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Table> byKeyword(String keyword) {
    for (Table t : values()) {
      if (t.keyword().equals(keyword)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The tables registered at {@code hook}, in the order the kernel runs them there. */
  public static List<Table> atHook(Hook hook) {
    return java.util.Arrays.stream(values()).filter(t -> t.hasHook(hook))
        .sorted(java.util.Comparator.comparingInt(t -> t.priority(hook))).toList();
  }
}
