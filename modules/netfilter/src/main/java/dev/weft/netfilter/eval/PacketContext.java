package dev.weft.netfilter.eval;

import java.util.Optional;

/**
 * A packet as netfilter sees it at one hook: headers, the input and output interfaces known there (none
 * at OUTPUT for input, none at PREROUTING/INPUT for output), the skb mark, conntrack information and, for
 * a frame crossing a bridge with br_netfilter on, its bridge ports.
 */
public record PacketContext(Packet packet, Optional<String> in, Optional<String> out, long mark, CtInfo ct,
    Optional<BridgePorts> bridge) {

  public PacketContext {
    if (mark < 0 || mark > 0xffff_ffffL) {
      throw new IllegalArgumentException("mark is 32 bits: " + mark);
    }
  }

  /** The bridge ports of a bridged frame; either may be unknown at a given hook. */
  public record BridgePorts(Optional<String> physIn, Optional<String> physOut) {}

  public static PacketContext of(Packet packet) {
    return new PacketContext(packet, Optional.empty(), Optional.empty(), 0, CtInfo.NEW, Optional.empty());
  }

  public PacketContext withIn(String iface) {
    return new PacketContext(packet, Optional.of(iface), out, mark, ct, bridge);
  }

  public PacketContext withOut(String iface) {
    return new PacketContext(packet, in, Optional.of(iface), mark, ct, bridge);
  }

  public PacketContext withInterfaces(Optional<String> newIn, Optional<String> newOut) {
    return new PacketContext(packet, newIn, newOut, mark, ct, bridge);
  }

  public PacketContext withMark(long newMark) {
    return newMark == mark ? this : new PacketContext(packet, in, out, newMark, ct, bridge);
  }

  public PacketContext withCt(CtInfo newCt) {
    return new PacketContext(packet, in, out, mark, newCt, bridge);
  }

  public PacketContext withPacket(Packet newPacket) {
    return new PacketContext(newPacket, in, out, mark, ct, bridge);
  }

  public PacketContext withBridge(Optional<BridgePorts> newBridge) {
    return new PacketContext(packet, in, out, mark, ct, newBridge);
  }
}
