package dev.weft.policy.analysis;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import dev.weft.policy.model.AdminNetworkPolicy;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.Direction;
import dev.weft.policy.model.LabelSelector;
import dev.weft.policy.model.NetworkPolicy;
import dev.weft.policy.model.PortMatch;
import dev.weft.policy.ports.PortSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The mutable state of the class engine: predicates and their classes, the partition, port atoms, compiled
 * policies and the per-class lists of NetworkPolicies. Rows live in {@link RowStore}. Everything indexed by
 * class grows when a class splits; {@link #onSplit} copies the old class's data to the new one, which is
 * exact because the two halves agreed on every predicate asked before the split.
 */
final class ClassModel {
  final PodIndex pods;
  final ClassPartition partition;
  final PortSetTable ports;
  final List<ExternalAtoms.Atom> atoms = new ArrayList<>();
  private final TreeSet<IpAddress> atomStarts = new TreeSet<>();
  private final List<Cidr> podCidrs;
  private final Map<ClassPredicate, Integer> predicateIds = new HashMap<>();
  final List<ClassPredicate> predicates = new ArrayList<>();
  final List<BitSet> predicateClasses = new ArrayList<>();
  final NamedPortResolver named;
  final Map<String, CompiledPolicy> networkPolicies = new LinkedHashMap<>();
  final Map<String, NetworkPolicy> sourcePolicies = new LinkedHashMap<>();
  final List<CompiledPolicy> admins = new ArrayList<>();
  Optional<CompiledPolicy> baseline = Optional.empty();
  final List<List<CompiledPolicy>> npIngress = new ArrayList<>();
  final List<List<CompiledPolicy>> npEgress = new ArrayList<>();
  final List<SplitListener> listeners = new ArrayList<>();

  /** Told when a class splits, after the model itself is updated. */
  interface SplitListener {
    void split(int oldClass, int newClass);
  }

  ClassModel(Cluster cluster) {
    this(cluster, List.of());
  }

  /**
   * @param extraBoundaries CIDRs that must also cut the address space (and the classes), although no policy
   *     of this cluster names them; used to give two clusters the same external ranges for a diff
   */
  ClassModel(Cluster cluster, List<Cidr> extraBoundaries) {
    this.pods = new PodIndex(cluster);
    this.podCidrs = cluster.podCidrs();
    this.partition = new ClassPartition(cluster.pods().size());
    this.named = new NamedPortResolver(pods, partition);
    List<PolicyLowering.Needs> needs = new ArrayList<>();
    cluster.policies().forEach(p -> needs.add(PolicyLowering.needs(p)));
    cluster.adminPolicies().forEach(p -> needs.add(PolicyLowering.needs(p)));
    cluster.baseline().ifPresent(p -> needs.add(PolicyLowering.needs(p)));
    List<PortSet> portSets = new ArrayList<>();
    List<Cidr> cidrs = new ArrayList<>();
    for (PolicyLowering.Needs n : needs) {
      portSets.addAll(n.portSets());
      cidrs.addAll(n.cidrs());
      n.namedPorts().forEach(named::register);
    }
    portSets.addAll(named.values(named.keys()));
    this.ports = new PortSetTable(PortAtoms.of(portSets));
    named.useTable(ports);
    cidrs.addAll(extraBoundaries);
    ExternalAtoms.of(cidrs, podCidrs).atoms().forEach(this::addAtom);
    needs.forEach(n -> n.predicates().forEach(this::predicateId));
    extraBoundaries.forEach(c -> predicateId(new ClassPredicate.Addresses(List.of(c), List.of())));
    buildPartition();
    for (int pid = 0; pid < predicates.size(); pid++) {
      predicateClasses.add(classesOf(members(predicates.get(pid))));
    }
    for (int c = 0; c < partition.classCount(); c++) {
      npIngress.add(new ArrayList<>());
      npEgress.add(new ArrayList<>());
    }
    cluster.policies().forEach(this::install);
    cluster.adminPolicies().forEach(p -> admins.add(compile(p)));
    cluster.baseline().ifPresent(p -> baseline = Optional.of(compile(p)));
  }

  private void addAtom(ExternalAtoms.Atom a) {
    atoms.add(a);
    atomStarts.add(a.first());
  }

  int atomMember(int atomIndex) {
    return partition.podCount() + atomIndex;
  }

  /** Classes from signatures: kind, named-port values and the ordered list of predicates that hold. */
  private void buildPartition() {
    int members = partition.podCount() + atoms.size();
    IntList[] holds = new IntList[members];
    for (int pid = 0; pid < predicates.size(); pid++) {
      IntList m = members(predicates.get(pid));
      for (int i = 0; i < m.size(); i++) {
        int x = m.get(i);
        (holds[x] == null ? holds[x] = new IntList() : holds[x]).add(pid);
      }
    }
    Map<Signature, Integer> classes = new HashMap<>();
    for (int m = 0; m < members; m++) {
      boolean pod = partition.isPodMember(m);
      boolean host = pod && pods.cluster().pods().get(m).hostNetwork();
      int[] namedValues = pod ? named.signature(pods.cluster().pods().get(m)) : new int[0];
      Signature sig = new Signature(pod ? (host ? 1 : 0) : 2, namedValues, holds[m] == null ? new int[0] : holds[m].toArray());
      Integer cls = classes.get(sig);
      if (cls == null) {
        cls = partition.newClass(!pod, host);
        classes.put(sig, cls);
      }
      partition.addMember(m, cls);
    }
  }

  private record Signature(int kind, int[] named, int[] holds) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Signature s && s.kind == kind && Arrays.equals(s.named, named) && Arrays.equals(s.holds, holds);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * kind + Arrays.hashCode(named)) + Arrays.hashCode(holds);
    }
  }

  /** The ports a rule means toward destination class {@code dst}. */
  int rulePorts(CompiledRule r, int dst) {
    int p = r.staticPorts;
    for (PortMatch.NamedPort n : r.named) {
      p = ports.union(p, named.on(n, dst));
    }
    return p;
  }

  int predicateId(ClassPredicate p) {
    Integer id = predicateIds.get(p);
    if (id != null) {
      return id;
    }
    int next = predicates.size();
    predicateIds.put(p, next);
    predicates.add(p);
    return next;
  }

  /** The members (pods and atoms) that satisfy a predicate. Atoms must be aligned to its CIDRs. */
  IntList members(ClassPredicate p) {
    IntList out = new IntList();
    switch (p) {
      case ClassPredicate.Selector s -> {
        List<String> nss = s.namespace().map(List::of).orElseGet(() -> pods.namespaces(s.namespaceSelector().orElse(LabelSelector.ALL)));
        for (String ns : nss) {
          for (PodIndex.Group g : pods.matching(ns, s.podSelector())) {
            for (int m : g.pods()) {
              out.add(m);
            }
          }
        }
      }
      case ClassPredicate.Addresses a -> {
        for (Cidr c : a.include()) {
          IntList in = new IntList();
          pods.podsIn(c, in);
          for (int i = 0; i < in.size(); i++) {
            IpAddress ip = pods.cluster().pods().get(in.get(i)).ip();
            if (a.except().stream().noneMatch(e -> e.contains(ip))) {
              out.add(in.get(i));
            }
          }
        }
        for (int i = 0; i < atoms.size(); i++) {
          IpAddress first = atoms.get(i).first();
          if (a.include().stream().anyMatch(c -> c.contains(first)) && a.except().stream().noneMatch(e -> e.contains(first))) {
            out.add(atomMember(i));
          }
        }
      }
    }
    return out;
  }

  BitSet classesOf(IntList members) {
    BitSet b = new BitSet();
    for (int i = 0; i < members.size(); i++) {
      b.set(partition.classOf(members.get(i)));
    }
    return b;
  }

  CompiledPolicy compile(NetworkPolicy np) {
    CompiledPolicy cp = PolicyLowering.compile(np, this::predicateId, ports::intern);
    computePeers(cp);
    return cp;
  }

  CompiledPolicy compile(AdminNetworkPolicy anp) {
    CompiledPolicy cp = PolicyLowering.compile(anp, this::predicateId, ports::intern);
    computePeers(cp);
    return cp;
  }

  private void computePeers(CompiledPolicy cp) {
    for (Direction d : Direction.values()) {
      for (CompiledRule r : cp.rules(d)) {
        BitSet b = new BitSet();
        for (int pid : r.peerPredicates) {
          b.or(predicateClasses.get(pid));
        }
        r.peers = b;
      }
    }
  }

  /** Compiles and registers a NetworkPolicy; returns the classes it selects. */
  BitSet install(NetworkPolicy np) {
    CompiledPolicy cp = compile(np);
    networkPolicies.put(cp.key, cp);
    sourcePolicies.put(cp.key, np);
    BitSet selected = predicateClasses.get(cp.subjectPredicate);
    for (int c = selected.nextSetBit(0); c >= 0; c = selected.nextSetBit(c + 1)) {
      if (cp.isolates.contains(Direction.INGRESS)) {
        npIngress.get(c).add(cp);
      }
      if (cp.isolates.contains(Direction.EGRESS)) {
        npEgress.get(c).add(cp);
      }
    }
    return (BitSet) selected.clone();
  }

  /** Unregisters a NetworkPolicy; returns the classes it selected (empty if it was unknown). */
  BitSet uninstall(String key) {
    CompiledPolicy cp = networkPolicies.remove(key);
    sourcePolicies.remove(key);
    if (cp == null) {
      return new BitSet();
    }
    BitSet selected = predicateClasses.get(cp.subjectPredicate);
    for (int c = selected.nextSetBit(0); c >= 0; c = selected.nextSetBit(c + 1)) {
      npIngress.get(c).remove(cp);
      npEgress.get(c).remove(cp);
    }
    return (BitSet) selected.clone();
  }

  List<CompiledPolicy> npList(Direction d, int cls) {
    return (d == Direction.INGRESS ? npIngress : npEgress).get(cls);
  }

  /** Makes the model fine enough for a policy that is about to be installed: atoms, named ports, predicates. */
  void prepare(PolicyLowering.Needs n) {
    List<PortSet> sets = new ArrayList<>(n.portSets());
    List<PortMatch.NamedPort> newKeys = n.namedPorts().stream().filter(k -> !named.known(k)).distinct().toList();
    sets.addAll(named.values(newKeys));
    if (!ports.atoms().aligned(sets)) {
      ports.refine(ports.atoms().refine(sets));
    }
    for (PortMatch.NamedPort k : newKeys) {
      named.register(k);
      splitByNamedPort(k);
    }
    refineAtoms(n.cidrs());
    for (ClassPredicate p : n.predicates()) {
      if (predicateIds.containsKey(p)) {
        continue;
      }
      int pid = predicateId(p);
      IntList m = members(p);
      BitSet inside = new BitSet();
      for (int i = 0; i < m.size(); i++) {
        inside.set(m.get(i));
      }
      predicateClasses.add(new BitSet());
      BitSet touched = classesOf(m);
      for (int c = touched.nextSetBit(0); c >= 0; c = touched.nextSetBit(c + 1)) {
        int neu = partition.split(c, inside::get);
        if (neu >= 0) {
          onSplit(c, neu);
        }
      }
      predicateClasses.set(pid, classesOf(m));
    }
  }

  private void splitByNamedPort(PortMatch.NamedPort k) {
    java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
    for (int c = 0; c < partition.classCount(); c++) {
      work.add(c);
    }
    while (!work.isEmpty()) {
      int c = work.poll();
      IntList ms = partition.members(c);
      if (partition.isExternal(c) || ms.size() < 2) {
        continue;
      }
      PortSet first = named.resolve(k, pods.cluster().pods().get(ms.get(0)));
      int neu = partition.split(c, m -> !named.resolve(k, pods.cluster().pods().get(m)).equals(first));
      if (neu >= 0) {
        onSplit(c, neu);
        work.add(neu); // the part that differed may hold several values
      }
    }
    named.clearCache();
  }

  /** Cuts external atoms at new CIDR boundaries; new pieces join their parent atom's class. */
  private void refineAtoms(List<Cidr> cidrs) {
    for (Cidr c : cidrs) {
      List<IpAddress> cuts = new ArrayList<>();
      cuts.add(c.first());
      c.last().plus(1).ifPresent(cuts::add);
      for (IpAddress cut : cuts) {
        if (atomStarts.contains(cut)) {
          continue;
        }
        for (int i = 0; i < atoms.size(); i++) {
          ExternalAtoms.Atom a = atoms.get(i);
          if (a.first().family() == cut.family() && a.first().compareTo(cut) < 0 && a.last().compareTo(cut) >= 0) {
            IpAddress before = cut.plus(-1).orElseThrow();
            atoms.set(i, new ExternalAtoms.Atom(a.first(), before, ExternalAtoms.span(a.first(), before)));
            int cls = partition.classOf(atomMember(i));
            addAtom(new ExternalAtoms.Atom(cut, a.last(), ExternalAtoms.span(cut, a.last())));
            partition.addMember(atomMember(atoms.size() - 1), cls);
            break;
          }
        }
        atomStarts.add(cut);
      }
    }
  }

  /** Gives {@code neu} everything {@code old} had: predicate answers, rule peers, policy lists. */
  private void onSplit(int old, int neu) {
    for (BitSet b : predicateClasses) {
      if (b.get(old)) {
        b.set(neu);
      }
    }
    List<CompiledPolicy> all = new ArrayList<>(networkPolicies.values());
    all.addAll(admins);
    baseline.ifPresent(all::add);
    for (CompiledPolicy cp : all) {
      for (Direction d : Direction.values()) {
        for (CompiledRule r : cp.rules(d)) {
          if (r.peers.get(old)) {
            r.peers.set(neu);
          }
        }
      }
    }
    npIngress.add(new ArrayList<>(npIngress.get(old)));
    npEgress.add(new ArrayList<>(npEgress.get(old)));
    listeners.forEach(l -> l.split(old, neu));
  }
}
