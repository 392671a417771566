package dev.weft.policy.ports;

import dev.weft.model.value.PortRange;
import dev.weft.policy.model.PortMatch;
import dev.weft.policy.model.Protocol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A set of (protocol, port) pairs over TCP, UDP and SCTP ports {@value PortMatch#MIN_PORT}..{@value
 * PortMatch#MAX_PORT}, in canonical form: per protocol, sorted, disjoint, non-adjacent ranges. Two equal
 * sets are equal records, so results from different engines compare with {@code equals}.
 */
public record PortSet(Map<Protocol, List<PortRange>> ranges) {
  private static final PortRange FULL_RANGE = new PortRange(PortMatch.MIN_PORT, PortMatch.MAX_PORT);
  public static final PortSet EMPTY = new PortSet(Map.of());
  public static final PortSet ALL = allOf(Protocol.values());

  public PortSet {
    EnumMap<Protocol, List<PortRange>> m = new EnumMap<>(Protocol.class);
    ranges.forEach((p, rs) -> {
      List<PortRange> n = normalize(rs);
      if (!n.isEmpty()) {
        m.put(p, n);
      }
    });
    ranges = Collections.unmodifiableMap(m);
  }

  public static PortSet of(Protocol protocol, PortRange range) {
    return new PortSet(Map.of(protocol, List.of(range)));
  }

  public static PortSet of(Protocol protocol, int port) {
    return of(protocol, PortRange.single(port));
  }

  /** Every port of the given protocols. */
  public static PortSet allOf(Protocol... protocols) {
    EnumMap<Protocol, List<PortRange>> m = new EnumMap<>(Protocol.class);
    for (Protocol p : protocols) {
      m.put(p, List.of(FULL_RANGE));
    }
    return new PortSet(m);
  }

  public List<PortRange> ranges(Protocol p) {
    return ranges.getOrDefault(p, List.of());
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  public boolean isAll() {
    return equals(ALL);
  }

  public boolean contains(Protocol p, int port) {
    for (PortRange r : ranges(p)) {
      if (r.contains(port)) {
        return true;
      }
    }
    return false;
  }

  /** True when every pair in {@code other} is in this set. */
  public boolean containsAll(PortSet other) {
    return other.subtract(this).isEmpty();
  }

  public PortSet union(PortSet other) {
    EnumMap<Protocol, List<PortRange>> m = new EnumMap<>(Protocol.class);
    for (Protocol p : Protocol.values()) {
      List<PortRange> all = new ArrayList<>(ranges(p));
      all.addAll(other.ranges(p));
      m.put(p, all);
    }
    return new PortSet(m);
  }

  public PortSet intersect(PortSet other) {
    EnumMap<Protocol, List<PortRange>> m = new EnumMap<>(Protocol.class);
    for (Protocol p : Protocol.values()) {
      List<PortRange> out = new ArrayList<>();
      for (PortRange a : ranges(p)) {
        for (PortRange b : other.ranges(p)) {
          int lo = Math.max(a.first(), b.first());
          int hi = Math.min(a.last(), b.last());
          if (lo <= hi) {
            out.add(new PortRange(lo, hi));
          }
        }
      }
      m.put(p, out);
    }
    return new PortSet(m);
  }

  public PortSet subtract(PortSet other) {
    return intersect(other.complement());
  }

  /** Everything in {@link #ALL} that is not in this set. */
  public PortSet complement() {
    EnumMap<Protocol, List<PortRange>> m = new EnumMap<>(Protocol.class);
    for (Protocol p : Protocol.values()) {
      List<PortRange> out = new ArrayList<>();
      int next = PortMatch.MIN_PORT;
      for (PortRange r : ranges(p)) {
        if (r.first() > next) {
          out.add(new PortRange(next, r.first() - 1));
        }
        next = r.last() + 1;
      }
      if (next <= PortMatch.MAX_PORT) {
        out.add(new PortRange(next, PortMatch.MAX_PORT));
      }
      m.put(p, out);
    }
    return new PortSet(m);
  }

  private static List<PortRange> normalize(List<PortRange> in) {
    if (in.isEmpty()) {
      return List.of();
    }
    List<PortRange> sorted = new ArrayList<>(in);
    sorted.sort(null);
    List<PortRange> out = new ArrayList<>();
    PortRange cur = sorted.getFirst();
    for (int i = 1; i < sorted.size(); i++) {
      PortRange r = sorted.get(i);
      if (r.first() <= cur.last() + 1) {
        cur = new PortRange(cur.first(), Math.max(cur.last(), r.last()));
      } else {
        out.add(cur);
        cur = r;
      }
    }
    out.add(cur);
    return List.copyOf(out);
  }

  /**
   * {@code all}, {@code none}, or e.g. {@code TCP:80,8000-8080 UDP:53 SCTP:all}. The same text is used in
   * every renderer and in golden files.
   */
  @Override
  public String toString() {
    if (isEmpty()) {
      return "none";
    }
    if (isAll()) {
      return "all";
    }
    List<String> parts = new ArrayList<>();
    ranges.forEach((p, rs) -> {
      List<String> rr = new ArrayList<>();
      for (PortRange r : rs) {
        rr.add(r.equals(FULL_RANGE) ? "all" : r.toString());
      }
      parts.add(p + ":" + String.join(",", rr));
    });
    return String.join(" ", parts);
  }
}
