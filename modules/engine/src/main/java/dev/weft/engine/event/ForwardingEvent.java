package dev.weft.engine.event;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.weft.engine.hook.HookPoint;
import dev.weft.model.InterfaceRef;
import dev.weft.model.route.Route;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Name;
import java.util.List;
import java.util.Optional;

/**
 * One decision of a forwarding handler. The family is closed so that every consumer (the trace renderer,
 * JSON output) handles every kind; records hold plain values so that they serialise as they are.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public sealed interface ForwardingEvent {

  /** A veth passed a frame from one end to the other. */
  record VethCrossed(InterfaceRef from, InterfaceRef to) implements ForwardingEvent {}

  /** A bridge learned (or moved) a source MAC onto a port. */
  record FdbLearned(InterfaceRef bridge, Mac mac, InterfaceRef port) implements ForwardingEvent {}

  /** A bridge found the destination MAC in its forwarding database. */
  record FdbHit(InterfaceRef bridge, Mac mac, InterfaceRef port) implements ForwardingEvent {}

  /** A bridge sent copies out of several ports: broadcast, multicast or an unknown unicast MAC. */
  record Flooded(InterfaceRef bridge, Mac destination, List<InterfaceRef> ports) implements ForwardingEvent {
    public Flooded {
      ports = List.copyOf(ports);
    }
  }

  /** The routing table chose a route. */
  record RouteSelected(Name namespace, IpAddress destination, Route route, IpAddress nextHop) implements ForwardingEvent {}

  /** An unbound local packet got its source address from the egress interface. */
  record SourceSelected(IpAddress source, InterfaceRef device) implements ForwardingEvent {}

  /** The destination is an address of this namespace. */
  record AcceptedLocally(Name namespace, IpAddress destination) implements ForwardingEvent {}

  /** A router hop decremented the TTL or hop limit. */
  record TtlDecremented(int from, int to) implements ForwardingEvent {}

  /** How a next hop's MAC became known. */
  enum Resolution {
    /** A permanent neighbour entry. */
    STATIC,
    /** A fresh entry from an earlier exchange. */
    CACHED,
    /** Just learned from an ARP reply or neighbour advertisement. */
    LEARNED
  }

  /** The next hop's MAC is known; the frame can be sent. */
  record NeighborResolved(InterfaceRef device, IpAddress address, Mac mac, Resolution how) implements ForwardingEvent {}

  /** An ARP request or neighbour solicitation went out; the packet waits for the answer. */
  record NeighborSolicited(InterfaceRef device, IpAddress address, IpAddress source) implements ForwardingEvent {}

  /** The stack answered an ARP request or neighbour solicitation for one of its addresses. */
  record NeighborAnswered(InterfaceRef device, IpAddress address, IpAddress asker) implements ForwardingEvent {}

  /** What the MTU check did to a packet too big for its egress. */
  enum MtuOutcome {
    FRAGMENTED,
    /** DF set (or IPv6) on a forwarded packet: dropped, ICMP sent back. */
    DROPPED_DONT_FRAGMENT,
    /** A local socket sent more than the path allows: the send fails with EMSGSIZE. */
    DROPPED_LOCAL_ERROR,
    /** A bridge or veth cannot fragment: the frame is dropped silently. */
    DROPPED_SILENTLY
  }

  record MtuExceeded(InterfaceRef device, int size, int mtu, MtuOutcome outcome, int fragments) implements ForwardingEvent {}

  /** An ICMP error was generated for the packet's source. */
  record IcmpErrorSent(IpAddress to, String error) implements ForwardingEvent {}

  enum HookOutcome {
    ACCEPT, DROP, REWRITE, UNDETERMINED
  }

  /** A netfilter hook gave a verdict (only reported when a hook is installed). */
  record HookEvaluated(Name namespace, HookPoint hook, HookOutcome outcome, Optional<String> rule, List<String> explanation)
      implements ForwardingEvent {
    public HookEvaluated {
      explanation = List.copyOf(explanation);
    }
  }

  enum TunnelType {
    VXLAN, GRE
  }

  /**
   * A tunnel wrapped a frame for a remote endpoint.
   *
   * @param id the VNI, or the GRE key when there is one
   * @param selectedBy which forwarding entry chose the remote
   */
  record Encapsulated(InterfaceRef device, TunnelType tunnel, Optional<Long> id, IpAddress outerSource,
      IpAddress outerDestination, String selectedBy) implements ForwardingEvent {}

  record Decapsulated(InterfaceRef device, TunnelType tunnel, Optional<Long> id, IpAddress outerSource,
      IpAddress outerDestination) implements ForwardingEvent {}

  /** A learning VXLAN device recorded which remote a MAC lives behind. */
  record TunnelLearned(InterfaceRef device, Mac mac, IpAddress remote) implements ForwardingEvent {}

  /** The last fragment arrived and the datagram was put back together. */
  record Reassembled(int fragments, int length) implements ForwardingEvent {}

  /** A local tunnel socket (VXLAN's UDP port, GRE's protocol 47) took the packet. */
  record HandedToTunnel(Name namespace, String socket) implements ForwardingEvent {}

  /** The packet reached an application in the namespace. */
  record Delivered(Name namespace, IpAddress destination) implements ForwardingEvent {}

  /** The packet left the modelled network through an external segment. */
  record ExitedNetwork(Name segment, IpAddress destination) implements ForwardingEvent {}

  record Dropped(DropReason reason, String detail) implements ForwardingEvent {}
}
