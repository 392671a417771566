package dev.weft.policy.analysis;

import dev.weft.model.value.Cidr;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.Direction;
import dev.weft.policy.model.NetworkPolicy;
import dev.weft.policy.model.Pod;
import dev.weft.policy.ports.PortSet;
import dev.weft.policy.semantics.Endpoint;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * All-pairs connectivity over equivalence classes, with incremental policy updates.
 *
 * <p>Design note. Every policy asks a fixed set of questions about endpoints (is it selected by this
 * podSelector in that namespace, is its IP in that ipBlock, what does that named port resolve to). Endpoints
 * with the same answers to every question are indistinguishable to every rule, so they form one class: pods of
 * a workload usually share one, and unselected namespaces collapse into a few. Port ranges are cut likewise
 * into atoms that every rule treats alike ({@link PortAtoms}); port sets are interned ids with memoised set
 * operations. Each class then gets two rows (ingress by source class, egress by destination class), built from
 * only the policies that select it, sparse in the peer classes its rules name. A pair's verdict is the
 * intersection of the destination's ingress row and the source's egress row; output expands classes to pods
 * or workloads only at the end.
 *
 * <p>Invariants: classes only split, never merge, so ids are stable and stored rows stay valid (a split copies
 * the old class's entries to the new id); every row of a class depends only on the policies that select it.
 * Cost: building is O(pods + Σ predicate matches + Σ rule peer classes); an update costs the pods of the
 * namespaces its selectors touch plus the rows of the classes it selects; a pair lookup is two binary
 * searches and a memoised intersection. Pairs with a hostNetwork pod are undetermined and never emitted.
 */
public final class ConnectivityEngine {
  private final Cluster base;
  private final ClassModel model;
  private final RowStore rows;

  private ConnectivityEngine(Cluster cluster, List<Cidr> extraBoundaries) {
    this.base = cluster;
    this.model = new ClassModel(cluster, extraBoundaries);
    this.rows = new RowStore(model);
  }

  public static ConnectivityEngine build(Cluster cluster) {
    return new ConnectivityEngine(cluster, List.of());
  }

  /**
   * An engine whose external ranges are cut also at {@code extraBoundaries} (see {@link
   * #addressBoundaries}); two clusters built with each other's boundaries report the same external ranges.
   */
  public static ConnectivityEngine build(Cluster cluster, List<Cidr> extraBoundaries) {
    return new ConnectivityEngine(cluster, extraBoundaries);
  }

  /** Every CIDR that an ipBlock (with its excepts) or an ANP network of the cluster names. */
  public static List<Cidr> addressBoundaries(Cluster cluster) {
    java.util.TreeSet<Cidr> out = new java.util.TreeSet<>();
    cluster.policies().forEach(p -> out.addAll(PolicyLowering.needs(p).cidrs()));
    cluster.adminPolicies().forEach(p -> out.addAll(PolicyLowering.needs(p).cidrs()));
    cluster.baseline().ifPresent(p -> out.addAll(PolicyLowering.needs(p).cidrs()));
    return List.copyOf(out);
  }

  /** The cluster as it now is, with every update applied. */
  public Cluster cluster() {
    return base.withPolicies(List.copyOf(model.sourcePolicies.values()));
  }

  /** What an update did: classes before and after, and how many class rows it rebuilt. */
  public record UpdateStats(int classesBefore, int classesAfter, int rowsRebuilt) {}

  /** Adds a NetworkPolicy, or replaces the one with the same namespace/name. */
  public UpdateStats upsert(NetworkPolicy policy) {
    int before = model.partition.classCount();
    model.prepare(PolicyLowering.needs(policy));
    BitSet affected = model.uninstall(policy.qualifiedName());
    affected.or(model.install(policy));
    return rebuild(before, affected);
  }

  /** Removes a NetworkPolicy; unknown names change nothing. */
  public UpdateStats remove(String namespace, String name) {
    int before = model.partition.classCount();
    return rebuild(before, model.uninstall(namespace + "/" + name));
  }

  private UpdateStats rebuild(int before, BitSet affected) {
    for (int c = affected.nextSetBit(0); c >= 0; c = affected.nextSetBit(c + 1)) {
      rows.rebuild(Direction.INGRESS, c);
      rows.rebuild(Direction.EGRESS, c);
    }
    return new UpdateStats(before, model.partition.classCount(), 2 * affected.cardinality());
  }

  public int classCount() {
    return model.partition.classCount();
  }

  /** The port equivalence classes: one protocol and range each, that every rule treats alike. */
  public List<PortSet> portClasses() {
    return model.ports.atoms().all();
  }

  public int portAtomCount() {
    return model.ports.atoms().size();
  }

  public EndpointClass endpointClass(int id) {
    ClassPartition p = model.partition;
    IntList ms = p.members(id);
    List<Pod> pods = new ArrayList<>();
    List<Cidr> cidrs = new ArrayList<>();
    for (int i = 0; i < ms.size(); i++) {
      int m = ms.get(i);
      if (p.isPodMember(m)) {
        pods.add(model.pods.cluster().pods().get(m));
      } else {
        cidrs.addAll(model.atoms.get(m - p.podCount()).cidrs());
      }
    }
    pods.sort(java.util.Comparator.comparing(Pod::id));
    cidrs.sort(null);
    EndpointClass.Kind kind = p.isExternal(id) ? EndpointClass.Kind.EXTERNAL
        : p.isHostNetwork(id) ? EndpointClass.Kind.HOST_NETWORK_PODS : EndpointClass.Kind.PODS;
    return new EndpointClass(id, kind, pods, cidrs);
  }

  public List<EndpointClass> classes() {
    List<EndpointClass> out = new ArrayList<>();
    for (int c = 0; c < classCount(); c++) {
      out.add(endpointClass(c));
    }
    return out;
  }

  /** The class of a pod, or of an external address (empty for an address inside a pod CIDR that no pod has). */
  public OptionalInt classOf(Endpoint e) {
    return switch (e) {
      case Endpoint.PodEndpoint pe -> model.pods.indexOf(pe.pod().id()).map(i -> OptionalInt.of(model.partition.classOf(i))).orElse(OptionalInt.empty());
      case Endpoint.External ex -> {
        for (int i = 0; i < model.atoms.size(); i++) {
          ExternalAtoms.Atom a = model.atoms.get(i);
          if (a.first().family() == ex.ip().family() && a.first().compareTo(ex.ip()) <= 0 && a.last().compareTo(ex.ip()) >= 0) {
            yield OptionalInt.of(model.partition.classOf(model.atomMember(i)));
          }
        }
        yield OptionalInt.empty();
      }
    };
  }

  /** The allowed ports of a pair; empty when undetermined (hostNetwork), unknown or both external. */
  public Optional<PortSet> allowed(Endpoint source, Endpoint destination) {
    if (source instanceof Endpoint.PodEndpoint(Pod s) && destination instanceof Endpoint.PodEndpoint(Pod d) && s.id().equals(d.id())) {
      return Optional.of(PortSet.ALL);
    }
    OptionalInt s = classOf(source);
    OptionalInt d = classOf(destination);
    if (s.isEmpty() || d.isEmpty()) {
      return Optional.empty();
    }
    return allowedBetween(s.getAsInt(), d.getAsInt());
  }

  /** The allowed ports between two distinct members of these classes; empty when undetermined. */
  public Optional<PortSet> allowedBetween(int sourceClass, int destinationClass) {
    ClassPartition p = model.partition;
    if (p.isHostNetwork(sourceClass) || p.isHostNetwork(destinationClass) || (p.isExternal(sourceClass) && p.isExternal(destinationClass))) {
      return Optional.empty();
    }
    return Optional.of(model.ports.get(rows.pair(sourceClass, destinationClass)));
  }

  /** Receives the non-empty class pairs of {@link #forEachAllowed}. */
  public interface AllowedSink {
    void pair(int sourceClass, int destinationClass, PortSet ports);

    /** Every class in {@code sources} reaches {@code destinationClass} on {@code ports}. */
    default void block(BitSet sources, int destinationClass, PortSet ports) {
      for (int s = sources.nextSetBit(0); s >= 0; s = sources.nextSetBit(s + 1)) {
        pair(s, destinationClass, ports);
      }
    }
  }

  /**
   * Emits every class pair with a non-empty allowed set exactly once, skipping hostNetwork classes and
   * external-to-external pairs. Sources whose egress is open toward a destination whose ingress is open come
   * as one {@link AllowedSink#block}.
   */
  public void forEachAllowed(AllowedSink sink) {
    ClassPartition p = model.partition;
    int n = p.classCount();
    BitSet openEgress = new BitSet(n);
    BitSet closedEgress = new BitSet(n);
    for (int c = 0; c < n; c++) {
      if (!p.isHostNetwork(c)) {
        (rows.row(Direction.EGRESS, c).open ? openEgress : closedEgress).set(c);
      }
    }
    BitSet podOpenEgress = (BitSet) openEgress.clone();
    podOpenEgress.andNot(p.externalClasses());
    for (int d = 0; d < n; d++) {
      if (p.isHostNetwork(d)) {
        continue;
      }
      Row in = rows.row(Direction.INGRESS, d);
      if (in.open) {
        BitSet srcs = p.isExternal(d) ? podOpenEgress : openEgress;
        if (!srcs.isEmpty()) {
          sink.block(srcs, d, PortSet.ALL);
        }
        for (int s = closedEgress.nextSetBit(0); s >= 0; s = closedEgress.nextSetBit(s + 1)) {
          emit(sink, s, d, rows.row(Direction.EGRESS, s).get(d));
        }
      } else if (in.defaultPorts != PortSetTable.EMPTY) {
        // sources with open egress and no entry of their own get the default: one block
        BitSet srcs = (BitSet) openEgress.clone();
        BitSet closed = (BitSet) closedEgress.clone();
        for (int s : in.keys) {
          srcs.clear(s);
          closed.clear(s);
        }
        if (!srcs.isEmpty()) {
          sink.block(srcs, d, model.ports.get(in.defaultPorts));
        }
        for (int k = 0; k < in.keys.length; k++) {
          int s = in.keys[k];
          if (!p.isHostNetwork(s)) {
            emit(sink, s, d, model.ports.intersect(in.values[k], rows.row(Direction.EGRESS, s).get(d)));
          }
        }
        for (int s = closed.nextSetBit(0); s >= 0; s = closed.nextSetBit(s + 1)) {
          emit(sink, s, d, model.ports.intersect(in.defaultPorts, rows.row(Direction.EGRESS, s).get(d)));
        }
      } else {
        for (int k = 0; k < in.keys.length; k++) {
          int s = in.keys[k];
          if (!p.isHostNetwork(s)) {
            emit(sink, s, d, model.ports.intersect(in.values[k], rows.row(Direction.EGRESS, s).get(d)));
          }
        }
      }
    }
  }

  private void emit(AllowedSink sink, int s, int d, int portsId) {
    if (portsId != PortSetTable.EMPTY) {
      sink.pair(s, d, model.ports.get(portsId));
    }
  }
}
