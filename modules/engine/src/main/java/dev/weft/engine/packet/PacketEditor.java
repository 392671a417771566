package dev.weft.engine.packet;

import dev.weft.model.value.IpAddress;
import io.netty.buffer.ByteBuf;

/**
 * In-place edits a forwarding device makes: the TTL decrement of every router hop and the address and
 * port rewrites of NAT. Checksums are kept valid; transport checksums are adjusted incrementally
 * (RFC 1624) so that a first fragment, whose payload is incomplete, is still rewritten correctly.
 */
public final class PacketEditor {
  private PacketEditor() {}

  /** Decrements the TTL or hop limit of the packet at the reader index and returns the new value. */
  public static int decrementHopLimit(ByteBuf p) {
    int at = p.readerIndex();
    if (IpView.family(p).bits() == 32) {
      int ttl = p.getUnsignedByte(at + Ipv4Header.TTL_OFFSET) - 1;
      p.setByte(at + Ipv4Header.TTL_OFFSET, ttl);
      Ipv4Header.updateChecksum(p, at);
      return ttl;
    }
    int hops = p.getUnsignedByte(at + Ipv6Header.HOP_LIMIT_OFFSET) - 1;
    p.setByte(at + Ipv6Header.HOP_LIMIT_OFFSET, hops);
    return hops;
  }

  /**
   * Rewrites addresses and (for TCP and UDP) ports. Addresses must keep the packet's family; ports are
   * ignored for other protocols and for later fragments.
   */
  public static void rewrite(ByteBuf p, IpAddress source, IpAddress destination, int sourcePort, int destinationPort) {
    int at = p.readerIndex();
    boolean v4 = IpView.family(p).bits() == 32;
    int srcAt = at + (v4 ? Ipv4Header.SOURCE_OFFSET : Ipv6Header.SOURCE_OFFSET);
    int dstAt = at + (v4 ? Ipv4Header.DESTINATION_OFFSET : Ipv6Header.DESTINATION_OFFSET);
    long oldSum = InternetChecksum.add(InternetChecksum.add(0, IpView.source(p)), IpView.destination(p));
    long newSum = InternetChecksum.add(InternetChecksum.add(0, source), destination);
    int l4 = at + IpView.headerLength(p);
    int proto = IpView.protocol(p);
    boolean ports = (proto == IpProtocol.TCP || proto == IpProtocol.UDP) && !IpView.laterFragment(p);
    if (ports) {
      oldSum += p.getUnsignedShort(l4) + p.getUnsignedShort(l4 + 2);
      newSum += sourcePort + destinationPort;
      p.setShort(l4, sourcePort);
      p.setShort(l4 + 2, destinationPort);
    }
    Wire.setAddress(p, srcAt, source);
    Wire.setAddress(p, dstAt, destination);
    if (v4) {
      Ipv4Header.updateChecksum(p, at);
    }
    int csumAt = switch (proto) {
      case IpProtocol.TCP -> l4 + 16;
      case IpProtocol.UDP -> l4 + 6;
      case IpProtocol.ICMPV6 -> l4 + 2;
      default -> -1;
    };
    if (csumAt < 0 || IpView.laterFragment(p)) {
      return;
    }
    int old = p.getUnsignedShort(csumAt);
    if (proto == IpProtocol.UDP && v4 && old == 0) {
      return; // no checksum was sent
    }
    int updated = adjust(old, oldSum, newSum);
    p.setShort(csumAt, proto == IpProtocol.UDP && updated == 0 ? 0xffff : updated);
  }

  /** RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m'), with m and m' the sums of the old and new words. */
  static int adjust(int checksum, long oldWords, long newWords) {
    int oldFolded = ~InternetChecksum.finish(oldWords) & 0xffff;
    int newFolded = ~InternetChecksum.finish(newWords) & 0xffff;
    return InternetChecksum.finish((~checksum & 0xffff) + (~oldFolded & 0xffff) + newFolded);
  }
}
