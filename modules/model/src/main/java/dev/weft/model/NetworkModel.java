package dev.weft.model;

import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.route.RouteTable;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Name;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jgrapht.Graph;

/**
 * An immutable network: the graph plus indexes derived from it once at build time.
 *
 * <p>Invariants (checked by {@link NetworkModelBuilder}): names are unique; every interface is in exactly
 * one namespace; a veth has at most one peer and a port at most one master; tunnels name an existing
 * underlay interface; non-loopback addresses are unique across the model.
 */
public final class NetworkModel {
  private final Name name;
  private final Graph<Node, Relation> graph;
  private final ModelIndex index;

  NetworkModel(Name name, Graph<Node, Relation> graph, ModelIndex index) {
    this.name = name;
    this.graph = graph;
    this.index = index;
  }

  public static NetworkModelBuilder builder(Name name) {
    return new NetworkModelBuilder(name);
  }

  public Name name() {
    return name;
  }

  /** The graph itself, unmodifiable. */
  public Graph<Node, Relation> graph() {
    return graph;
  }

  /** Hosts in declaration order. */
  public Collection<Host> hosts() {
    return index.hosts().values();
  }

  /** Namespaces in declaration order. */
  public Collection<Namespace> namespaces() {
    return index.namespaces().values();
  }

  public Collection<Segment> segments() {
    return index.segments().values();
  }

  public Optional<Host> host(Name host) {
    return Optional.ofNullable(index.hosts().get(host));
  }

  public Optional<Namespace> namespace(Name namespace) {
    return Optional.ofNullable(index.namespaces().get(namespace));
  }

  public Optional<Segment> segment(Name segment) {
    return Optional.ofNullable(index.segments().get(segment));
  }

  /** The namespaces on {@code host}, its root first. */
  public List<Namespace> namespacesOn(Name host) {
    return index.namespacesByHost().getOrDefault(host, List.of());
  }

  /**
   * The namespace whose stack serves {@code namespace}: itself, or its host's root for a host-mode
   * container.
   */
  public Namespace stackOf(Namespace namespace) {
    return namespace.sharesHostStack() ? index.namespaces().get(namespace.host()) : namespace;
  }

  public Optional<Interface> iface(InterfaceRef ref) {
    return Optional.ofNullable(index.interfaces().get(ref));
  }

  /** Interfaces of a namespace in declaration order (loopback first). */
  public List<Interface> interfaces(Name namespace) {
    return index.interfacesByNamespace().getOrDefault(namespace, List.of());
  }

  public Collection<Interface> allInterfaces() {
    return index.interfaces().values();
  }

  /** The other end of a veth. */
  public Optional<Interface> peer(InterfaceRef veth) {
    return Optional.ofNullable(index.vethPeers().get(veth)).map(index.interfaces()::get);
  }

  /** The bridge an interface is a port of. */
  public Optional<Interface> master(InterfaceRef port) {
    return Optional.ofNullable(index.masters().get(port)).map(index.interfaces()::get);
  }

  /** The ports of a bridge, in declaration order. */
  public List<Interface> ports(InterfaceRef bridge) {
    return index.bridgePorts().getOrDefault(bridge, List.of()).stream().map(index.interfaces()::get).toList();
  }

  /** The underlay interface a tunnel sends over. */
  public Optional<Interface> underlayOf(InterfaceRef tunnel) {
    return Optional.ofNullable(index.tunnelUnderlay().get(tunnel)).map(index.interfaces()::get);
  }

  /** The segment a physical interface is plugged into. */
  public Optional<Segment> segmentOf(InterfaceRef physical) {
    return Optional.ofNullable(index.attachments().get(physical)).map(index.segments()::get);
  }

  /** The interfaces plugged into a segment. */
  public List<Interface> members(Name segment) {
    return index.segmentMembers().getOrDefault(segment, List.of()).stream().map(index.interfaces()::get).toList();
  }

  /** The main routing table of a namespace (connected and static routes). */
  public RouteTable routes(Name namespace) {
    return index.routeTables().getOrDefault(namespace, RouteTable.empty());
  }

  public List<NeighborEntry> neighbors(Name namespace) {
    return index.neighbors().getOrDefault(namespace, List.of());
  }

  /** The interface that holds a non-loopback address. */
  public Optional<Interface> ownerOf(IpAddress address) {
    return Optional.ofNullable(index.addressOwners().get(address));
  }

  /** Every non-loopback address and its interface. */
  public Map<IpAddress, Interface> addressOwners() {
    return index.addressOwners();
  }

  /**
   * The netfilter rule set of a namespace's stack; the empty rule set (every built-in policy ACCEPT) when
   * the model declares none.
   */
  public Ruleset ruleset(Name namespace) {
    return index.rulesets().getOrDefault(namespace, Ruleset.empty());
  }
}
