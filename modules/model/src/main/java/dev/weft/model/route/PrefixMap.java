package dev.weft.model.route;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * An immutable longest-prefix-match map from prefixes to values.
 *
 * <p>Design: one hash map per prefix length that occurs, probed from the longest length down. A lookup
 * costs at most one mask and one hash probe per distinct length present (usually a handful), which beats
 * a bit trie for the small, few-length tables that namespaces hold, and stays correct for large ones.
 */
public final class PrefixMap<V> {
  private final int[] lengthsV4;
  private final int[] lengthsV6;
  private final Map<Cidr, V> entries;

  private PrefixMap(Map<Cidr, V> entries) {
    this.entries = java.util.Collections.unmodifiableMap(new HashMap<>(entries));
    this.lengthsV4 = lengths(entries, IpFamily.IPV4);
    this.lengthsV6 = lengths(entries, IpFamily.IPV6);
  }

  /** Builds the map; two values for the same prefix are merged with {@code merge}. */
  public static <V> PrefixMap<V> of(Iterable<Map.Entry<Cidr, V>> pairs, BinaryOperator<V> merge) {
    Map<Cidr, V> map = new HashMap<>();
    for (Map.Entry<Cidr, V> e : pairs) {
      map.merge(e.getKey(), e.getValue(), merge);
    }
    return new PrefixMap<>(map);
  }

  private static int[] lengths(Map<Cidr, ?> entries, IpFamily family) {
    return entries.keySet().stream()
        .filter(c -> c.family() == family)
        .mapToInt(Cidr::prefixLength)
        .distinct()
        .map(i -> -i)
        .sorted()
        .map(i -> -i)
        .toArray();
  }

  /** The value of the longest prefix that contains {@code address}. */
  public Optional<V> longestMatch(IpAddress address) {
    for (int len : address.isIpv4() ? lengthsV4 : lengthsV6) {
      V v = entries.get(new Cidr(address.masked(len), len));
      if (v != null) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** Every value whose prefix contains {@code address}, longest prefix first. */
  public List<V> allMatches(IpAddress address) {
    List<V> out = new ArrayList<>();
    for (int len : address.isIpv4() ? lengthsV4 : lengthsV6) {
      V v = entries.get(new Cidr(address.masked(len), len));
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  public Optional<V> exact(Cidr prefix) {
    return Optional.ofNullable(entries.get(prefix));
  }

  /** Entries sorted by prefix. */
  public Map<Cidr, V> asSortedMap() {
    return new TreeMap<>(entries);
  }

  public int size() {
    return entries.size();
  }
}
