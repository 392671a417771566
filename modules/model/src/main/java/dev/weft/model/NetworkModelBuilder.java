package dev.weft.model;

import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.route.Route;
import dev.weft.model.route.RouteTable;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Name;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.AbstractBaseGraph;
import org.jgrapht.graph.DefaultGraphType;
import org.jgrapht.graph.DefaultGraphSpecificsStrategy;

/**
 * Collects hosts, namespaces, interfaces and relations, checks the model's invariants and builds the
 * immutable {@link NetworkModel}. Connected routes are derived from interface addresses here, as the
 * kernel derives them when an address is added.
 */
public final class NetworkModelBuilder {
  private final Name name;
  private final Graph<Node, Relation> graph = new ModelGraph();
  private final Map<Name, Host> hosts = new LinkedHashMap<>();
  private final Map<Name, Namespace> namespaces = new LinkedHashMap<>();
  private final Map<Name, Segment> segments = new LinkedHashMap<>();
  private final Map<InterfaceRef, Interface> interfaces = new LinkedHashMap<>();
  private final Map<Name, List<NeighborEntry>> neighbors = new HashMap<>();
  private final Map<IpAddress, Interface> addressOwners = new HashMap<>();
  private boolean built;
  private final Map<Name, Ruleset> rulesets = new HashMap<>();

  NetworkModelBuilder(Name name) {
    this.name = name;
  }

  /** Adds a host and its root namespace, which forwards packets. */
  public NetworkModelBuilder host(Host host) {
    return host(host, true);
  }

  /** Adds a host and its root namespace; {@code ipForward} is the root namespace's net.ipv4.ip_forward. */
  public NetworkModelBuilder host(Host host, boolean ipForward) {
    requireNew(hosts.containsKey(host.name()) || namespaces.containsKey(host.name()), "host", host.name());
    hosts.put(host.name(), host);
    graph.addVertex(host);
    return namespace(new Namespace(host.name(), host.name(), NamespaceRole.HOST, NetworkMode.HOST, ipForward));
  }

  public NetworkModelBuilder namespace(Namespace ns) {
    requireNew(namespaces.containsKey(ns.name()), "namespace", ns.name());
    Host host = require(hosts.get(ns.host()), "host", ns.host());
    namespaces.put(ns.name(), ns);
    graph.addVertex(ns);
    graph.addEdge(ns, host, new Relation.OnHost(ns.name(), host.name()));
    return this;
  }

  public NetworkModelBuilder segment(Segment segment) {
    requireNew(segments.containsKey(segment.name()), "segment", segment.name());
    segments.put(segment.name(), segment);
    graph.addVertex(segment);
    return this;
  }

  public NetworkModelBuilder iface(Interface iface) {
    requireNew(interfaces.containsKey(iface.ref()), "interface", iface.ref());
    Namespace ns = require(namespaces.get(iface.ref().namespace()), "namespace", iface.ref().namespace());
    if (ns.sharesHostStack()) {
      throw new ModelException(ns.name() + " shares its host's stack and cannot have interfaces");
    }
    for (InterfaceAddress a : iface.addresses()) {
      if (a.address().isLoopback()) {
        continue;
      }
      Interface previous = addressOwners.putIfAbsent(a.address(), iface);
      if (previous != null) {
        throw new ModelException("address " + a.address() + " is on both " + previous.ref() + " and " + iface.ref());
      }
    }
    interfaces.put(iface.ref(), iface);
    graph.addVertex(iface);
    graph.addEdge(iface, ns, new Relation.InNamespace(iface.ref(), ns.name()));
    if (iface.up() && !(iface.kind() instanceof InterfaceKind.Loopback)) {
      for (InterfaceAddress a : iface.addresses()) {
        if (a.prefixLength() < a.family().bits()) {
          addRoute(ns.name(), Route.connected(a.subnet(), iface.ref().name()));
        }
      }
    }
    return this;
  }

  public NetworkModelBuilder vethPeer(InterfaceRef a, InterfaceRef b) {
    Interface x = requireKind(a, InterfaceKind.Veth.class);
    Interface y = requireKind(b, InterfaceKind.Veth.class);
    for (Interface end : List.of(x, y)) {
      if (graph.edgesOf(end).stream().anyMatch(Relation.VethPeer.class::isInstance)) {
        throw new ModelException("veth " + end.ref() + " already has a peer");
      }
    }
    boolean ordered = a.compareTo(b) < 0;
    graph.addEdge(ordered ? x : y, ordered ? y : x, new Relation.VethPeer(ordered ? a : b, ordered ? b : a));
    return this;
  }

  public NetworkModelBuilder bridgePort(InterfaceRef port, InterfaceRef bridge) {
    Interface p = require(interfaces.get(port), "interface", port);
    Interface br = requireKind(bridge, InterfaceKind.Bridge.class);
    if (!port.namespace().equals(bridge.namespace())) {
      throw new ModelException("port " + port + " is not in the namespace of bridge " + bridge);
    }
    if (graph.outgoingEdgesOf(p).stream().anyMatch(Relation.BridgePort.class::isInstance)) {
      throw new ModelException(port + " is already a port of a bridge");
    }
    graph.addEdge(p, br, new Relation.BridgePort(port, bridge));
    return this;
  }

  public NetworkModelBuilder tunnelOver(InterfaceRef tunnel, InterfaceRef underlay) {
    Interface t = require(interfaces.get(tunnel), "interface", tunnel);
    if (!(t.kind() instanceof InterfaceKind.Vxlan || t.kind() instanceof InterfaceKind.Gre)) {
      throw new ModelException(tunnel + " is a " + t.kind().keyword() + ", not a tunnel");
    }
    graph.addEdge(t, require(interfaces.get(underlay), "interface", underlay), new Relation.TunnelOver(tunnel, underlay));
    return this;
  }

  public NetworkModelBuilder attach(InterfaceRef physical, Name segment) {
    Interface p = requireKind(physical, InterfaceKind.Physical.class);
    Segment s = require(segments.get(segment), "segment", segment);
    graph.addEdge(p, s, new Relation.AttachedTo(physical, segment));
    return this;
  }

  public NetworkModelBuilder route(Name namespace, Route route) {
    require(namespaces.get(namespace), "namespace", namespace);
    require(interfaces.get(new InterfaceRef(namespace, route.device())), "interface", new InterfaceRef(namespace, route.device()));
    addRoute(namespace, route);
    return this;
  }

  public NetworkModelBuilder neighbor(Name namespace, NeighborEntry entry) {
    require(interfaces.get(new InterfaceRef(namespace, entry.device())), "interface", new InterfaceRef(namespace, entry.device()));
    neighbors.computeIfAbsent(namespace, k -> new ArrayList<>()).add(entry);
    return this;
  }

  /** Gives a namespace its netfilter rule set (once); namespaces without one get the empty rule set. */
  public NetworkModelBuilder ruleset(Name namespace, Ruleset ruleset) {
    Namespace ns = require(namespaces.get(namespace), "namespace", namespace);
    if (ns.sharesHostStack()) {
      throw new ModelException(ns.name() + " shares its host's stack; give the rule set to " + ns.host());
    }
    requireNew(rulesets.containsKey(namespace), "rule set for namespace", namespace);
    rulesets.put(namespace, ruleset);
    return this;
  }

  private void addRoute(Name namespace, Route route) {
    InterfaceRef egress = new InterfaceRef(namespace, route.device());
    graph.addEdge(namespaces.get(namespace), interfaces.get(egress), new Relation.RouteVia(namespace, egress, route));
  }

  /** Builds the model. The builder hands its tables to the model and cannot be used afterwards. */
  public NetworkModel build() {
    if (built) {
      throw new IllegalStateException("this builder has already built its model");
    }
    built = true;
    return new NetworkModel(name, new AsUnmodifiableGraph<>(graph), ModelIndexer.index(graph, hosts, namespaces,
        segments, interfaces, neighbors, addressOwners, rulesets));
  }

  private Interface requireKind(InterfaceRef ref, Class<? extends InterfaceKind> kind) {
    Interface i = require(interfaces.get(ref), "interface", ref);
    if (!kind.isInstance(i.kind())) {
      throw new ModelException(ref + " is a " + i.kind().keyword() + ", expected a " + kind.getSimpleName().toLowerCase());
    }
    return i;
  }

  private static <T> T require(T value, String what, Object id) {
    if (value == null) {
      throw new ModelException("unknown " + what + " " + id);
    }
    return value;
  }

  private static void requireNew(boolean exists, String what, Object id) {
    if (exists) {
      throw new ModelException("duplicate " + what + " " + id);
    }
  }

  /**
   * A directed multigraph without JGraphT's fast vertex-pair lookup index: the model never asks for the
   * edge between two given vertices, and that index costs a Pair and a hash entry per edge.
   */
  private static final class ModelGraph extends AbstractBaseGraph<Node, Relation> {
    ModelGraph() {
      super(null, null, new DefaultGraphType.Builder().directed().allowMultipleEdges(true).allowSelfLoops(false)
          .weighted(false).build(), new DefaultGraphSpecificsStrategy<>());
    }
  }

  /** Keeps the graph and index type names out of the builder's signature. */
  static final class ModelIndexer {
    private ModelIndexer() {}

    static ModelIndex index(
        Graph<Node, Relation> graph, Map<Name, Host> hosts, Map<Name, Namespace> namespaces,
        Map<Name, Segment> segments, Map<InterfaceRef, Interface> interfaces,
        Map<Name, List<NeighborEntry>> neighbors, Map<IpAddress, Interface> addressOwners,
        Map<Name, Ruleset> rulesets) {
      Map<Name, List<Namespace>> byHost = new LinkedHashMap<>();
      namespaces.values().forEach(ns -> byHost.computeIfAbsent(ns.host(), h -> new ArrayList<>()).add(ns));
      Map<Name, List<Interface>> byNamespace = new HashMap<>();
      Map<InterfaceRef, InterfaceRef> peers = new HashMap<>();
      Map<InterfaceRef, InterfaceRef> masters = new HashMap<>();
      Map<InterfaceRef, List<InterfaceRef>> ports = new HashMap<>();
      Map<InterfaceRef, InterfaceRef> underlay = new HashMap<>();
      Map<InterfaceRef, Name> attachments = new HashMap<>();
      Map<Name, List<InterfaceRef>> members = new HashMap<>();
      Map<Name, List<Route>> routes = new HashMap<>();
      for (Relation r : graph.edgeSet()) {
        switch (r) {
          case Relation.OnHost ignored -> {}
          case Relation.InNamespace in ->
              byNamespace.computeIfAbsent(in.namespace(), k -> new ArrayList<>()).add(interfaces.get(in.iface()));
          case Relation.VethPeer p -> {
            peers.put(p.a(), p.b());
            peers.put(p.b(), p.a());
          }
          case Relation.BridgePort bp -> {
            masters.put(bp.port(), bp.bridge());
            ports.computeIfAbsent(bp.bridge(), k -> new ArrayList<>()).add(bp.port());
          }
          case Relation.TunnelOver t -> underlay.put(t.tunnel(), t.underlay());
          case Relation.AttachedTo a -> {
            attachments.put(a.iface(), a.segment());
            members.computeIfAbsent(a.segment(), k -> new ArrayList<>()).add(a.iface());
          }
          case Relation.RouteVia rv -> routes.computeIfAbsent(rv.namespace(), k -> new ArrayList<>()).add(rv.route());
        }
      }
      Map<Name, RouteTable> tables = new HashMap<>();
      routes.forEach((ns, list) -> tables.put(ns, new RouteTable(list)));
      Map<Name, List<NeighborEntry>> neighborCopy = new HashMap<>();
      neighbors.forEach((ns, list) -> neighborCopy.put(ns, List.copyOf(list)));
      return new ModelIndex(
          frozen(hosts), frozen(namespaces), frozenLists(byHost), frozen(segments), frozen(interfaces),
          frozenLists(byNamespace), frozenMap(peers), frozenMap(masters), frozenLists(ports),
          frozenMap(underlay), frozenMap(attachments), frozenLists(members), frozenMap(tables),
          frozenMap(neighborCopy), frozenMap(addressOwners), frozenMap(rulesets));
    }

    /** HashMap-backed: Map.copyOf's linear probing degrades badly on clustered record hashes. */
    private static <K, V> Map<K, V> frozenMap(Map<K, V> map) {
      return java.util.Collections.unmodifiableMap(map instanceof HashMap<K, V> ? map : new HashMap<>(map));
    }

    /** The builder's own ordered map, no copy: the builder is single-use. */
    private static <K, V> Map<K, V> frozen(Map<K, V> ordered) {
      return java.util.Collections.unmodifiableMap(ordered);
    }

    private static <K, V> Map<K, List<V>> frozenLists(Map<K, List<V>> map) {
      Map<K, List<V>> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, List.copyOf(v)));
      return java.util.Collections.unmodifiableMap(out);
    }
  }
}
