package dev.weft.model.netfilter;

import dev.weft.model.ModelException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything netfilter holds in one network namespace: the IPv4 iptables tables and the ipsets their
 * rules name. Tables left at their defaults are not stored, so an empty rule set is "every built-in
 * policy ACCEPT" whether the tables were listed or not.
 */
public record Ruleset(Map<Table, NetfilterTable> tables, Map<String, IpSet> ipsets) {
  private static final Ruleset EMPTY = new Ruleset(Map.of(), Map.of());

  public Ruleset {
    Map<Table, NetfilterTable> t = new EnumMap<>(Table.class);
    tables.forEach((k, v) -> {
      if (v.table() != k) {
        throw new ModelException("table " + v.table().keyword() + " is stored under " + k.keyword());
      }
      if (!v.isDefault()) {
        t.put(k, v);
      }
    });
    tables = Collections.unmodifiableMap(t);
    Map<String, IpSet> s = new TreeMap<>();
    ipsets.forEach((k, v) -> {
      if (!k.equals(v.name())) {
        throw new ModelException("ipset " + v.name() + " is stored under " + k);
      }
      s.put(k, v);
    });
    ipsets = Collections.unmodifiableMap(s);
  }

  public static Ruleset empty() {
    return EMPTY;
  }

  public static Ruleset of(List<NetfilterTable> tables) {
    Map<Table, NetfilterTable> m = new EnumMap<>(Table.class);
    for (NetfilterTable t : tables) {
      if (m.put(t.table(), t) != null) {
        throw new ModelException("duplicate table " + t.table().keyword());
      }
    }
    return new Ruleset(m, Map.of());
  }

  /** The table's chains; the default (built-ins only, policy ACCEPT) when the rule set does not change it. */
  public NetfilterTable table(Table table) {
    NetfilterTable t = tables.get(table);
    return t != null ? t : NetfilterTable.empty(table);
  }

  public Optional<IpSet> ipset(String name) {
    return Optional.ofNullable(ipsets.get(name));
  }

  public Ruleset withTable(NetfilterTable table) {
    Map<Table, NetfilterTable> m = new EnumMap<>(Table.class);
    m.putAll(tables);
    m.put(table.table(), table);
    return new Ruleset(m, ipsets);
  }

  public Ruleset withIpsets(Map<String, IpSet> sets) {
    return new Ruleset(tables, sets);
  }

  /** The same rules with source line numbers removed, for comparing rule sets that came from different text. */
  public Ruleset withoutLines() {
    Map<Table, NetfilterTable> m = new LinkedHashMap<>();
    tables.forEach((k, v) -> m.put(k, v.withoutLines()));
    return new Ruleset(m, ipsets);
  }

  public boolean isEmpty() {
    return tables.isEmpty() && ipsets.isEmpty();
  }
}
