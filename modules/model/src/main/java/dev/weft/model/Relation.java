package dev.weft.model;

import dev.weft.model.route.Route;
import dev.weft.model.value.Name;

/** A typed edge of the network graph. Edges hold ids only, so they hash cheaply. */
public sealed interface Relation {

  /** A namespace belongs to a host. */
  record OnHost(Name namespace, Name host) implements Relation {}

  /** An interface is in a namespace. */
  record InNamespace(InterfaceRef iface, Name namespace) implements Relation {}

  /** The two ends of a veth pair; stored once per pair, from the lower ref to the higher. */
  record VethPeer(InterfaceRef a, InterfaceRef b) implements Relation {}

  /** An interface is a port of a bridge (its master). */
  record BridgePort(InterfaceRef port, InterfaceRef bridge) implements Relation {}

  /** A tunnel device sends its encapsulated packets over an underlay interface. */
  record TunnelOver(InterfaceRef tunnel, InterfaceRef underlay) implements Relation {}

  /** A physical uplink is plugged into a segment. */
  record AttachedTo(InterfaceRef iface, Name segment) implements Relation {}

  /** A route of a namespace leaves by an interface. */
  record RouteVia(Name namespace, InterfaceRef egress, Route route) implements Relation {}
}
