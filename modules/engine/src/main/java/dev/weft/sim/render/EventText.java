package dev.weft.sim.render;

import dev.weft.engine.event.ForwardingEvent;
import java.util.Locale;

/** One line of text per handler event, in the terms `ip`, `bridge` and `tcpdump` use. */
public final class EventText {
  private EventText() {}

  public static String of(ForwardingEvent event) {
    return switch (event) {
      case ForwardingEvent.VethCrossed e -> "veth " + e.from() + " -> " + e.to();
      case ForwardingEvent.FdbLearned e -> "fdb learned " + e.mac() + " on " + e.port();
      case ForwardingEvent.FdbHit e -> "fdb hit " + e.mac() + " -> " + e.port();
      case ForwardingEvent.Flooded e -> e.ports().isEmpty()
          ? "flood " + e.destination() + ": no other port"
          : "flood " + e.destination() + " to " + String.join(", ", e.ports().stream().map(Object::toString).toList());
      case ForwardingEvent.RouteSelected e -> "route to " + e.destination() + ": " + e.route()
          + (e.route().gateway().isPresent() ? "" : " (next hop " + e.nextHop() + ")");
      case ForwardingEvent.SourceSelected e -> "source address " + e.source() + " (from " + e.device() + ")";
      case ForwardingEvent.AcceptedLocally e -> e.destination() + " is local to " + e.namespace();
      case ForwardingEvent.TtlDecremented e -> "ttl " + e.from() + " -> " + e.to();
      case ForwardingEvent.NeighborResolved e -> "neighbor " + e.address() + " is-at " + e.mac() + " on " + e.device()
          + " (" + e.how().name().toLowerCase(Locale.ROOT) + ")";
      case ForwardingEvent.NeighborSolicited e -> e.address().isIpv4()
          ? "neighbor " + e.address() + " unknown: arp who-has " + e.address() + " tell " + e.source() + " on " + e.device()
          : "neighbor " + e.address() + " unknown: neighbor solicitation from " + e.source() + " on " + e.device();
      case ForwardingEvent.NeighborAnswered e -> "answered " + (e.address().isIpv4() ? "arp" : "neighbor solicitation")
          + " for " + e.address() + " from " + e.asker() + " on " + e.device();
      case ForwardingEvent.MtuExceeded e -> "mtu check on " + e.device() + ": " + e.size() + " > " + e.mtu() + ", " + mtu(e);
      case ForwardingEvent.IcmpErrorSent e -> "icmp " + e.error() + " sent to " + e.to();
      case ForwardingEvent.HookEvaluated e -> "netfilter " + e.hook() + ": " + e.outcome()
          + e.rule().map(r -> " by " + r).orElse("")
          + (e.explanation().isEmpty() ? "" : "\n" + String.join("\n", e.explanation().stream().map(l -> "  " + l).toList()));
      case ForwardingEvent.Encapsulated e -> "encap " + e.tunnel() + e.id().map(i -> (e.tunnel() == ForwardingEvent.TunnelType.VXLAN
          ? " vni " : " key ") + i).orElse("") + " from underlay " + e.outerSource() + " to " + e.outerDestination()
          + " (" + e.selectedBy() + ")";
      case ForwardingEvent.Decapsulated e -> "decap " + e.tunnel() + e.id().map(i -> (e.tunnel() == ForwardingEvent.TunnelType.VXLAN
          ? " vni " : " key ") + i).orElse("") + " from " + e.outerSource();
      case ForwardingEvent.TunnelLearned e -> "vxlan learned " + e.mac() + " behind " + e.remote();
      case ForwardingEvent.Reassembled e -> "reassembled " + e.fragments() + " fragments into " + e.length() + " bytes";
      case ForwardingEvent.HandedToTunnel e -> "handed to the " + e.socket() + " tunnel socket";
      case ForwardingEvent.Delivered e -> "delivered to an application in " + e.namespace() + " (" + e.destination() + ")";
      case ForwardingEvent.ExitedNetwork e -> "exits the network via " + e.segment() + " towards " + e.destination();
      case ForwardingEvent.Dropped e -> "DROP " + e.reason() + ": " + e.detail();
    };
  }

  private static String mtu(ForwardingEvent.MtuExceeded e) {
    return switch (e.outcome()) {
      case FRAGMENTED -> "fragmented into " + e.fragments();
      case DROPPED_DONT_FRAGMENT -> "DF set: dropped";
      case DROPPED_LOCAL_ERROR -> "DF set: local error, message too long";
      case DROPPED_SILENTLY -> "dropped (no fragmentation at L2)";
    };
  }

}
