package dev.weft.model;

import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.route.RouteTable;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Name;
import java.util.List;
import java.util.Map;

/** Lookup tables derived once from the graph's edges; package-private, read through {@link NetworkModel}. */
record ModelIndex(
    Map<Name, Host> hosts,
    Map<Name, Namespace> namespaces,
    Map<Name, List<Namespace>> namespacesByHost,
    Map<Name, Segment> segments,
    Map<InterfaceRef, Interface> interfaces,
    Map<Name, List<Interface>> interfacesByNamespace,
    Map<InterfaceRef, InterfaceRef> vethPeers,
    Map<InterfaceRef, InterfaceRef> masters,
    Map<InterfaceRef, List<InterfaceRef>> bridgePorts,
    Map<InterfaceRef, InterfaceRef> tunnelUnderlay,
    Map<InterfaceRef, Name> attachments,
    Map<Name, List<InterfaceRef>> segmentMembers,
    Map<Name, RouteTable> routeTables,
    Map<Name, List<NeighborEntry>> neighbors,
    Map<IpAddress, Interface> addressOwners,
    Map<Name, Ruleset> rulesets) {}
