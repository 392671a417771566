package dev.weft.topology.convert;

import dev.weft.document.Diagnostics;
import dev.weft.document.FieldPath;
import dev.weft.document.Origin;
import dev.weft.model.Host;
import dev.weft.model.Interface;
import dev.weft.model.InterfaceKind;
import dev.weft.model.InterfaceRef;
import dev.weft.model.Namespace;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.NetworkMode;
import dev.weft.model.NamespaceRole;
import dev.weft.model.NeighborEntry;
import dev.weft.model.NetworkModel;
import dev.weft.model.NetworkModelBuilder;
import dev.weft.model.Segment;
import dev.weft.model.route.Route;
import dev.weft.model.value.Name;
import dev.weft.topology.TopologyProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model being assembled, with where each part came from. Converters add to it and report clashes;
 * checks read it; {@link #build} replays it into a {@link NetworkModelBuilder} once no error is left.
 * Every lookup is a hash probe, so assembling stays linear in the size of the topology.
 */
final class Draft {
  /** An interface with the origin of the interface and of each of its addresses. */
  record Iface(Interface iface, Origin origin, List<Origin> addressOrigins) {
    InterfaceRef ref() {
      return iface.ref();
    }
  }

  private final Name topology;
  private final Diagnostics diagnostics;
  private final Map<Name, Host> hosts = new LinkedHashMap<>();
  private final Map<Name, Namespace> namespaces;
  private final Map<Name, Origin> nameOrigins;
  private final Map<Name, Segment> segments = new LinkedHashMap<>();
  private final Map<InterfaceRef, Iface> interfaces;
  private final Map<Name, List<InterfaceRef>> byNamespace;
  private final Map<InterfaceRef, InterfaceRef> vethPeers;
  private final Map<InterfaceRef, InterfaceRef> masters;
  private final Map<InterfaceRef, InterfaceRef> tunnels = new LinkedHashMap<>();
  private final Map<InterfaceRef, Name> attachments = new LinkedHashMap<>();
  private final Map<Name, Ruleset> rulesets = new LinkedHashMap<>();
  private final Map<Name, List<Route>> routes;
  private final Map<Name, List<NeighborEntry>> neighbors = new LinkedHashMap<>();

  /**
   * @param expectedNamespaces how many namespaces the topology will have, to size the tables once
   *     (resizing tables of a hundred thousand entries costs more than filling them)
   */
  Draft(Name topology, Diagnostics diagnostics, int expectedNamespaces) {
    this.topology = topology;
    this.diagnostics = diagnostics;
    int ns = Math.max(16, expectedNamespaces);
    namespaces = LinkedHashMap.newLinkedHashMap(ns);
    nameOrigins = HashMap.newHashMap(ns);
    byNamespace = HashMap.newHashMap(ns);
    routes = LinkedHashMap.newLinkedHashMap(ns);
    interfaces = LinkedHashMap.newLinkedHashMap(3 * ns);
    vethPeers = LinkedHashMap.newLinkedHashMap(2 * ns);
    masters = LinkedHashMap.newLinkedHashMap(ns);
  }

  Name topology() {
    return topology;
  }

  Diagnostics diagnostics() {
    return diagnostics;
  }

  /** Hosts and namespaces share one name space; reports a clash and returns false. */
  private boolean claimName(Name name, Origin origin, String what) {
    Origin first = nameOrigins.putIfAbsent(name, origin);
    if (first != null) {
      diagnostics.error(TopologyProblem.DUPLICATE_NAME, origin,
          what + " name '" + name + "' is already used by " + describe(name) + " (line " + first.location().line() + ")",
          "a name no other host or namespace has");
      return false;
    }
    return true;
  }

  private String describe(Name name) {
    Namespace ns = namespaces.get(name);
    return ns == null || ns.isHostRoot() ? "host " + name : "namespace " + name + " on " + ns.host();
  }

  boolean addHost(Name name, boolean ipForward, Origin origin) {
    if (!claimName(name, origin, "host")) {
      return false;
    }
    hosts.put(name, new Host(name));
    namespaces.put(name, new Namespace(name, name, NamespaceRole.HOST, NetworkMode.HOST, ipForward));
    return true;
  }

  boolean addNamespace(Namespace ns, Origin origin) {
    if (!claimName(ns.name(), origin, "namespace")) {
      return false;
    }
    namespaces.put(ns.name(), ns);
    return true;
  }

  void addSegment(Segment segment) {
    segments.put(segment.name(), segment);
  }

  /** Adds an interface unless its namespace already has one of that name (reported at {@code origin}). */
  boolean addInterface(Interface iface, Origin origin, List<Origin> addressOrigins) {
    Iface previous = interfaces.get(iface.ref());
    if (previous != null) {
      diagnostics.error(TopologyProblem.DUPLICATE_NAME, origin,
          "interface " + iface.ref().name() + " already exists in " + iface.ref().namespace() + " (line "
              + previous.origin().location().line() + ")", "interface names unique within a namespace");
      return false;
    }
    interfaces.put(iface.ref(), new Iface(iface, origin, List.copyOf(addressOrigins)));
    byNamespace.computeIfAbsent(iface.ref().namespace(), k -> new ArrayList<>()).add(iface.ref());
    return true;
  }

  void vethPeer(InterfaceRef a, InterfaceRef b) {
    vethPeers.put(a, b);
    vethPeers.put(b, a);
  }

  void bridgePort(InterfaceRef port, InterfaceRef bridge) {
    masters.put(port, bridge);
  }

  void tunnelOver(InterfaceRef tunnel, InterfaceRef underlay) {
    tunnels.put(tunnel, underlay);
  }

  void attach(InterfaceRef uplink, Name segment) {
    attachments.put(uplink, segment);
  }

  void route(Name namespace, Route route) {
    routes.computeIfAbsent(namespace, k -> new ArrayList<>()).add(route);
  }

  void neighbor(Name namespace, NeighborEntry entry) {
    neighbors.computeIfAbsent(namespace, k -> new ArrayList<>()).add(entry);
  }

  /**
   * Whether an error was already reported inside the entry that declared {@code name} (a host or
   * namespace), so that a check that depends on it can stay quiet rather than repeat the news.
   */
  boolean hasErrorsIn(Name name) {
    Origin origin = nameOrigins.get(name);
    if (origin == null) {
      return false;
    }
    FieldPath entry = origin.path().parent().orElse(origin.path());
    return diagnostics.errors().stream().anyMatch(d -> d.path().startsWith(entry));
  }

  Optional<Host> host(Name name) {
    return Optional.ofNullable(hosts.get(name));
  }

  Map<Name, Host> hosts() {
    return hosts;
  }

  Optional<Namespace> namespace(Name name) {
    return Optional.ofNullable(namespaces.get(name));
  }

  Map<Name, Namespace> namespaces() {
    return namespaces;
  }

  Optional<Segment> segment(Name name) {
    return Optional.ofNullable(segments.get(name));
  }

  Optional<Iface> iface(InterfaceRef ref) {
    return Optional.ofNullable(interfaces.get(ref));
  }

  Map<InterfaceRef, Iface> interfaces() {
    return interfaces;
  }

  List<Iface> interfacesOf(Name namespace) {
    return byNamespace.getOrDefault(namespace, List.of()).stream().map(interfaces::get).toList();
  }

  /** Names of a namespace's interfaces of one kind, for did-you-mean hints. */
  List<String> interfaceNames(Name namespace, Class<? extends InterfaceKind> kind) {
    return interfacesOf(namespace).stream().filter(i -> kind.isInstance(i.iface().kind()))
        .map(i -> i.ref().name().toString()).toList();
  }

  Optional<InterfaceRef> peer(InterfaceRef veth) {
    return Optional.ofNullable(vethPeers.get(veth));
  }

  Optional<InterfaceRef> master(InterfaceRef port) {
    return Optional.ofNullable(masters.get(port));
  }

  Optional<Name> attachment(InterfaceRef uplink) {
    return Optional.ofNullable(attachments.get(uplink));
  }

  List<Route> routes(Name namespace) {
    return routes.getOrDefault(namespace, List.of());
  }

  void ruleset(Name namespace, Ruleset ruleset) {
    rulesets.put(namespace, ruleset);
  }

  /** Replays the draft into the model builder; only called when no error was reported. */
  NetworkModel build() {
    NetworkModelBuilder b = NetworkModel.builder(topology);
    segments.values().forEach(b::segment);
    hosts.values().forEach(h -> b.host(h, namespaces.get(h.name()).ipForward()));
    namespaces.values().stream().filter(ns -> !ns.isHostRoot()).forEach(b::namespace);
    interfaces.values().forEach(i -> b.iface(i.iface()));
    vethPeers.forEach((a, z) -> {
      if (a.compareTo(z) < 0) {
        b.vethPeer(a, z);
      }
    });
    masters.forEach(b::bridgePort);
    tunnels.forEach(b::tunnelOver);
    attachments.forEach(b::attach);
    routes.forEach((ns, list) -> list.forEach(r -> b.route(ns, r)));
    neighbors.forEach((ns, list) -> list.forEach(n -> b.neighbor(ns, n)));
    rulesets.forEach(b::ruleset);
    return b.build();
  }

  static boolean isTunnel(InterfaceKind kind) {
    return kind instanceof InterfaceKind.Vxlan || kind instanceof InterfaceKind.Gre;
  }
}
