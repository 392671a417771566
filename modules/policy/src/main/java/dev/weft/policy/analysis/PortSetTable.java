package dev.weft.policy.analysis;

import dev.weft.policy.ports.PortSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interned port sets over the current {@link PortAtoms}: each distinct set has an int id, and union,
 * intersection and difference are memoised on id pairs. A cluster has few distinct port sets, so the engine
 * combines ports with a hash lookup. Ids stay valid when the atoms are refined ({@link #refine}), which is
 * what lets incremental updates keep their stored results.
 */
final class PortSetTable {
  static final int EMPTY = 0;
  static final int ALL = 1;

  private PortAtoms atoms;
  private final List<BitSet> bits = new ArrayList<>();
  private final List<PortSet> sets = new ArrayList<>();
  private final Map<BitSet, Integer> index = new HashMap<>();
  private final Map<Long, Integer> unions = new HashMap<>();
  private final Map<Long, Integer> intersections = new HashMap<>();
  private final Map<Long, Integer> differences = new HashMap<>();

  PortSetTable(PortAtoms atoms) {
    this.atoms = atoms;
    intern(PortSet.EMPTY);
    intern(PortSet.ALL);
  }

  PortAtoms atoms() {
    return atoms;
  }

  /** Interns a set whose ranges are aligned to the current atoms. */
  int intern(PortSet set) {
    return internBits(atoms.bits(set), set);
  }

  private int internBits(BitSet b, PortSet canonical) {
    Integer id = index.get(b);
    if (id != null) {
      return id;
    }
    int next = bits.size();
    bits.add(b);
    sets.add(canonical);
    index.put(b, next);
    return next;
  }

  private int internBits(BitSet b) {
    Integer id = index.get(b);
    return id != null ? id : internBits(b, atoms.toPortSet(b));
  }

  PortSet get(int id) {
    return sets.get(id);
  }

  int union(int a, int b) {
    if (a == b || b == EMPTY || a == ALL) {
      return a;
    }
    if (a == EMPTY || b == ALL) {
      return b;
    }
    return unions.computeIfAbsent(key(Math.min(a, b), Math.max(a, b)), k -> {
      BitSet r = (BitSet) bits.get(a).clone();
      r.or(bits.get(b));
      return internBits(r);
    });
  }

  int intersect(int a, int b) {
    if (a == b || b == ALL) {
      return a;
    }
    if (a == ALL) {
      return b;
    }
    if (a == EMPTY || b == EMPTY) {
      return EMPTY;
    }
    return intersections.computeIfAbsent(key(Math.min(a, b), Math.max(a, b)), k -> {
      BitSet r = (BitSet) bits.get(a).clone();
      r.and(bits.get(b));
      return internBits(r);
    });
  }

  int subtract(int a, int b) {
    if (b == EMPTY || a == EMPTY) {
      return a;
    }
    if (b == ALL || a == b) {
      return EMPTY;
    }
    return differences.computeIfAbsent(key(a, b), k -> {
      BitSet r = (BitSet) bits.get(a).clone();
      r.andNot(bits.get(b));
      return internBits(r);
    });
  }

  /** Moves every interned set onto finer atoms; ids and memoised results keep their meaning. */
  void refine(PortAtoms finer) {
    atoms = finer;
    index.clear();
    for (int i = 0; i < sets.size(); i++) {
      BitSet b = finer.bits(sets.get(i));
      bits.set(i, b);
      index.put(b, i);
    }
  }

  private static long key(int a, int b) {
    return ((long) a << 32) | (b & 0xffffffffL);
  }
}
