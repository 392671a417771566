package dev.weft.policy.analysis;

import dev.weft.policy.model.AdminAction;
import dev.weft.policy.model.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Each class's verdict rows: ingress (as a function of the source class) and egress (as a function of the
 * destination class). A pair's allowed ports are {@code in[dst](src) ∩ eg[src](dst)}. A row depends only on
 * the policies that select its class, so an update recomputes the rows of the classes it selects and no
 * others.
 */
final class RowStore {
  private final ClassModel model;
  private final List<Row> in = new ArrayList<>();
  private final List<Row> eg = new ArrayList<>();
  private int[] scratch = new int[0];

  RowStore(ClassModel model) {
    this.model = model;
    for (int c = 0; c < model.partition.classCount(); c++) {
      in.add(build(Direction.INGRESS, c));
      eg.add(build(Direction.EGRESS, c));
    }
    model.listeners.add(this::split);
  }

  Row row(Direction d, int cls) {
    return (d == Direction.INGRESS ? in : eg).get(cls);
  }

  void rebuild(Direction d, int cls) {
    (d == Direction.INGRESS ? in : eg).set(cls, build(d, cls));
  }

  private void split(int old, int neu) {
    in.add(in.get(old));
    eg.add(eg.get(old));
    for (int c = 0; c < in.size(); c++) {
      in.set(c, in.get(c).withCopiedPeer(old, neu));
      eg.set(c, eg.get(c).withCopiedPeer(old, neu));
    }
  }

  /** The port-set id allowed from class {@code src} to class {@code dst}; both must be evaluable. */
  int pair(int src, int dst) {
    return model.ports.intersect(in.get(dst).get(src), eg.get(src).get(dst));
  }

  private Row build(Direction d, int cls) {
    ClassPartition p = model.partition;
    if (p.isExternal(cls) || p.isHostNetwork(cls)) {
      return Row.OPEN;
    }
    boolean admin = model.admins.stream().anyMatch(a -> applies(a, d, cls)) || model.baseline.map(b -> applies(b, d, cls)).orElse(false);
    if (admin) {
      return dense(d, cls);
    }
    List<CompiledPolicy> nps = model.npList(d, cls);
    return nps.isEmpty() ? Row.OPEN : sparse(d, cls, nps);
  }

  private boolean applies(CompiledPolicy cp, Direction d, int cls) {
    return cp.appliesTo(d) && model.predicateClasses.get(cp.subjectPredicate).get(cls);
  }

  /**
   * NetworkPolicy only: the union of the selecting policies' rules, per peer class. A rule whose peers cover
   * more than half the classes (a namespaceSelector {} for instance) goes into the row's default instead, and
   * only the classes it leaves out get entries, so a row stays small when it admits nearly everyone.
   */
  private Row sparse(Direction d, int cls, List<CompiledPolicy> nps) {
    PortSetTable ports = model.ports;
    int n = model.partition.classCount();
    if (scratch.length < n) {
      scratch = new int[Math.max(n, scratch.length * 2)];
      Arrays.fill(scratch, -1);
    }
    IntList touched = new IntList();
    int everyone = PortSetTable.EMPTY;
    List<CompiledRule> dense = new ArrayList<>();
    List<Integer> densePorts = new ArrayList<>();
    for (CompiledPolicy cp : nps) {
      for (CompiledRule r : cp.rules(d)) {
        boolean perPeer = d == Direction.EGRESS && !r.named.isEmpty();
        int fixed = perPeer ? -1 : model.rulePorts(r, cls);
        if (fixed == PortSetTable.EMPTY) {
          continue;
        }
        if (r.allPeers && !perPeer) {
          everyone = ports.union(everyone, fixed);
        } else if (!perPeer && 2 * r.peers.cardinality() > n) {
          dense.add(r);
          densePorts.add(fixed);
        } else {
          BitSet peers = r.allPeers ? allClasses(n) : r.peers;
          for (int s = peers.nextSetBit(0); s >= 0; s = peers.nextSetBit(s + 1)) {
            touched.add(s);
            int v = perPeer ? model.rulePorts(r, s) : fixed;
            scratch[s] = scratch[s] < 0 ? v : ports.union(scratch[s], v);
          }
        }
      }
    }
    int def = everyone;
    for (int i = 0; i < dense.size(); i++) {
      def = ports.union(def, densePorts.get(i));
      BitSet out = (BitSet) dense.get(i).peers.clone();
      out.flip(0, n);
      for (int s = out.nextSetBit(0); s >= 0; s = out.nextSetBit(s + 1)) {
        touched.add(s);
      }
    }
    int[] keys = touched.toArray();
    Arrays.sort(keys);
    IntList k = new IntList(keys.length);
    IntList v = new IntList(keys.length);
    int last = -1;
    for (int s : keys) {
      if (s == last) {
        continue;
      }
      last = s;
      int val = ports.union(Math.max(scratch[s], PortSetTable.EMPTY), everyone);
      for (int i = 0; i < dense.size(); i++) {
        if (dense.get(i).peers.get(s)) {
          val = ports.union(val, densePorts.get(i));
        }
      }
      scratch[s] = -1;
      if (val != def) {
        k.add(s);
        v.add(val);
      }
    }
    return new Row(false, def, k.toArray(), v.toArray());
  }

  private static BitSet allClasses(int n) {
    BitSet b = new BitSet(n);
    b.set(0, n);
    return b;
  }

  /** With admin tiers: evaluate the tiers for every peer class. */
  private Row dense(Direction d, int cls) {
    IntList k = new IntList();
    IntList v = new IntList();
    for (int peer = 0; peer < model.partition.classCount(); peer++) {
      int val = tiers(d, cls, peer);
      if (val != PortSetTable.EMPTY) {
        k.add(peer);
        v.add(val);
      }
    }
    return new Row(false, PortSetTable.EMPTY, k.toArray(), v.toArray());
  }

  /** What the ordered admin rules have done to one pair's ports so far. */
  private static final class Tally {
    int open;
    int allowed = PortSetTable.EMPTY;
    int passed = PortSetTable.EMPTY;

    Tally(int open) {
      this.open = open;
    }
  }

  /** Admin rules in order, first match wins: each takes its ports out of {@code t.open}. */
  private void ordered(List<CompiledRule> rules, int peer, int dest, Tally t) {
    PortSetTable ports = model.ports;
    for (CompiledRule r : rules) {
      if (t.open == PortSetTable.EMPTY) {
        return;
      }
      if (!r.matchesPeer(peer)) {
        continue;
      }
      int m = ports.intersect(t.open, model.rulePorts(r, dest));
      t.open = ports.subtract(t.open, m);
      if (r.action == AdminAction.ALLOW) {
        t.allowed = ports.union(t.allowed, m);
      } else if (r.action == AdminAction.PASS) {
        t.passed = ports.union(t.passed, m);
      }
    }
  }

  /** The tiers for one class pair: ANP (first match, Pass), then NetworkPolicy or BANP, then default allow. */
  int tiers(Direction d, int subject, int peer) {
    PortSetTable ports = model.ports;
    int dest = d == Direction.INGRESS ? subject : peer;
    Tally anp = new Tally(PortSetTable.ALL);
    for (CompiledPolicy a : model.admins) {
      if (applies(a, d, subject)) {
        ordered(a.rules(d), peer, dest, anp);
      }
    }
    int open = ports.union(anp.open, anp.passed);
    List<CompiledPolicy> nps = model.npList(d, subject);
    if (!nps.isEmpty()) {
      int np = PortSetTable.EMPTY;
      for (CompiledPolicy cp : nps) {
        for (CompiledRule r : cp.rules(d)) {
          if (r.matchesPeer(peer)) {
            np = ports.union(np, model.rulePorts(r, dest));
          }
        }
      }
      return ports.union(anp.allowed, ports.intersect(open, np));
    }
    Tally banp = new Tally(open);
    if (model.baseline.isPresent() && applies(model.baseline.get(), d, subject)) {
      ordered(model.baseline.get().rules(d), peer, dest, banp);
    }
    return ports.union(anp.allowed, ports.union(banp.allowed, banp.open));
  }
}
