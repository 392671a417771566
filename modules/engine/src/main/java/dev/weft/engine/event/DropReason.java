package dev.weft.engine.event;

import dev.weft.engine.packet.PacketException;
import dev.weft.engine.packet.UnsupportedPacketException;

/** Why a device discarded a frame or packet. */
public enum DropReason {
  /** No route matches the destination. */
  NO_ROUTE,
  /** The packet is not for this host and the namespace does not forward (ip_forward is 0). */
  FORWARDING_DISABLED,
  /** ARP or NDP got no answer for the next hop. */
  NEIGHBOR_UNREACHABLE,
  /** Too big for the next link and not allowed to (or not able to) be fragmented. */
  MTU_EXCEEDED,
  /** The TTL or hop limit ran out. */
  TTL_EXCEEDED,
  /** The same packet came back to a place it had been. */
  LOOP,
  /** A netfilter hook dropped or rejected it. */
  POLICY,
  /** A netfilter rule weft cannot interpret decides its fate: stopped, and reported as undetermined. */
  UNDETERMINED_POLICY,
  /** Addressed to another MAC (a flooded copy) or an ARP request for someone else: normal, not a failure. */
  NOT_FOR_US,
  /** A bridge will not send a frame back out of the port it came in on (hairpin off). */
  HAIRPIN,
  /** The interface leads nowhere (no veth peer, no segment, a TAP with no reader). */
  NO_CARRIER,
  /** A tunnel packet for a VNI or key no device here has. */
  UNKNOWN_TUNNEL,
  /** Bytes that do not parse as the expected packet. */
  MALFORMED,
  /**
   * A well-formed packet of a kind weft does not handle: IPv4 options (an IGMP report's Router Alert),
   * an EtherType without a handler (LLDP), GRE source routing. Not the sender's fault, so not malformed.
   */
  UNSUPPORTED;

  /** The reason for bytes that failed to parse: unsupported when the parser said so, else malformed. */
  public static DropReason unparsable(PacketException e) {
    return e instanceof UnsupportedPacketException ? UNSUPPORTED : MALFORMED;
  }

  /** Whether this is part of normal operation (flooded copies) rather than the packet failing. */
  public boolean benign() {
    return this == NOT_FOR_US || this == HAIRPIN;
  }
}
