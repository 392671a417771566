package dev.weft.policy.analysis;

import dev.weft.model.value.PortRange;
import dev.weft.policy.model.PortMatch;
import dev.weft.policy.model.Protocol;
import dev.weft.policy.ports.PortSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The port equivalence classes: per protocol, the port space cut at every boundary some rule or named port
 * uses, so that every rule treats all ports of one atom alike. Atoms are numbered TCP first, then UDP, SCTP.
 * Immutable; {@link #refine} makes a finer copy.
 */
final class PortAtoms {
  private final int[][] starts = new int[Protocol.values().length][];
  private final int[] offset = new int[Protocol.values().length + 1];

  private PortAtoms(Map<Protocol, TreeSet<Integer>> boundaries) {
    int at = 0;
    for (Protocol p : Protocol.values()) {
      TreeSet<Integer> s = new TreeSet<>(boundaries.getOrDefault(p, new TreeSet<>()));
      s.add(PortMatch.MIN_PORT);
      s.removeIf(b -> b > PortMatch.MAX_PORT);
      starts[p.ordinal()] = s.stream().mapToInt(Integer::intValue).toArray();
      offset[p.ordinal()] = at;
      at += starts[p.ordinal()].length;
    }
    offset[Protocol.values().length] = at;
  }

  static PortAtoms of(Iterable<PortSet> sets) {
    return new PortAtoms(boundaries(sets, new EnumMap<>(Protocol.class)));
  }

  /** Atoms cut also at the boundaries of {@code sets}; unchanged atoms keep their order. */
  PortAtoms refine(Iterable<PortSet> sets) {
    Map<Protocol, TreeSet<Integer>> b = new EnumMap<>(Protocol.class);
    for (Protocol p : Protocol.values()) {
      TreeSet<Integer> s = new TreeSet<>();
      for (int v : starts[p.ordinal()]) {
        s.add(v);
      }
      b.put(p, s);
    }
    return new PortAtoms(boundaries(sets, b));
  }

  /** True when every range of every set already starts and ends on atom boundaries. */
  boolean aligned(Iterable<PortSet> sets) {
    for (PortSet set : sets) {
      for (Protocol p : set.ranges().keySet()) {
        for (PortRange r : set.ranges(p)) {
          if (!isStart(p, r.first()) || (r.last() < PortMatch.MAX_PORT && !isStart(p, r.last() + 1))) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private boolean isStart(Protocol p, int port) {
    return Arrays.binarySearch(starts[p.ordinal()], port) >= 0;
  }

  private static Map<Protocol, TreeSet<Integer>> boundaries(Iterable<PortSet> sets, Map<Protocol, TreeSet<Integer>> into) {
    for (PortSet set : sets) {
      set.ranges().forEach((p, rs) -> {
        TreeSet<Integer> s = into.computeIfAbsent(p, k -> new TreeSet<>());
        for (PortRange r : rs) {
          s.add(r.first());
          s.add(r.last() + 1);
        }
      });
    }
    return into;
  }

  int size() {
    return offset[Protocol.values().length];
  }

  /** The atoms of a set whose ranges are aligned to the atoms. */
  BitSet bits(PortSet set) {
    BitSet out = new BitSet(size());
    set.ranges().forEach((p, rs) -> {
      for (PortRange r : rs) {
        int from = atomIndex(p, r.first());
        int to = atomIndex(p, r.last());
        out.set(from, to + 1);
      }
    });
    return out;
  }

  /** Every atom as a one-range port set, in atom order. */
  List<PortSet> all() {
    List<PortSet> out = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      BitSet b = new BitSet();
      b.set(i);
      out.add(toPortSet(b));
    }
    return out;
  }

  int atomIndex(Protocol p, int port) {
    int i = Arrays.binarySearch(starts[p.ordinal()], port);
    return offset[p.ordinal()] + (i >= 0 ? i : -i - 2);
  }

  PortSet toPortSet(BitSet bits) {
    Map<Protocol, List<PortRange>> m = new EnumMap<>(Protocol.class);
    for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
      Protocol p = protocolOf(i);
      int k = i - offset[p.ordinal()];
      int lo = starts[p.ordinal()][k];
      int hi = k + 1 < starts[p.ordinal()].length ? starts[p.ordinal()][k + 1] - 1 : PortMatch.MAX_PORT;
      m.computeIfAbsent(p, x -> new ArrayList<>()).add(new PortRange(lo, hi));
    }
    return new PortSet(m);
  }

  private Protocol protocolOf(int atom) {
    for (Protocol p : Protocol.values()) {
      if (atom < offset[p.ordinal() + 1]) {
        return p;
      }
    }
    throw new IllegalArgumentException("no atom " + atom);
  }
}
