package dev.weft.engine.packet;

import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import io.netty.buffer.ByteBuf;

/**
 * Reads the fields forwarding decisions need straight from an IP packet's bytes, without decoding or
 * allocating. The packet starts at the buffer's reader index and is assumed to have been validated once
 * on input.
 */
public final class IpView {
  private IpView() {}

  public static IpFamily family(ByteBuf p) {
    return (p.getUnsignedByte(p.readerIndex()) >>> 4) == 6 ? IpFamily.IPV6 : IpFamily.IPV4;
  }

  public static IpAddress source(ByteBuf p) {
    IpFamily f = family(p);
    return Wire.getAddress(p, p.readerIndex() + (f == IpFamily.IPV4 ? Ipv4Header.SOURCE_OFFSET : Ipv6Header.SOURCE_OFFSET), f);
  }

  public static IpAddress destination(ByteBuf p) {
    IpFamily f = family(p);
    return Wire.getAddress(
        p, p.readerIndex() + (f == IpFamily.IPV4 ? Ipv4Header.DESTINATION_OFFSET : Ipv6Header.DESTINATION_OFFSET), f);
  }

  public static int hopLimit(ByteBuf p) {
    return p.getUnsignedByte(p.readerIndex() + (family(p) == IpFamily.IPV4 ? Ipv4Header.TTL_OFFSET : Ipv6Header.HOP_LIMIT_OFFSET));
  }

  public static int protocol(ByteBuf p) {
    return p.getUnsignedByte(p.readerIndex() + (family(p) == IpFamily.IPV4 ? 9 : 6));
  }

  /** Header plus payload, from the length field. */
  public static int length(ByteBuf p) {
    return family(p) == IpFamily.IPV4
        ? p.getUnsignedShort(p.readerIndex() + 2)
        : Ipv6Header.LENGTH + p.getUnsignedShort(p.readerIndex() + 4);
  }

  public static int headerLength(ByteBuf p) {
    return family(p) == IpFamily.IPV4 ? (p.getUnsignedByte(p.readerIndex()) & 0x0f) * 4 : Ipv6Header.LENGTH;
  }

  public static boolean dontFragment(ByteBuf p) {
    return family(p) == IpFamily.IPV6 || (p.getUnsignedShort(p.readerIndex() + 6) & 0x4000) != 0;
  }

  /** Whether the packet is a non-first fragment, which carries no transport header. */
  public static boolean laterFragment(ByteBuf p) {
    return family(p) == IpFamily.IPV4 && (p.getUnsignedShort(p.readerIndex() + 6) & 0x1fff) != 0;
  }

  /** Whether the packet is any fragment of a larger datagram. */
  public static boolean fragment(ByteBuf p) {
    return family(p) == IpFamily.IPV4 && (p.getUnsignedShort(p.readerIndex() + 6) & 0x3fff) != 0;
  }

  public static int identification(ByteBuf p) {
    return family(p) == IpFamily.IPV4 ? p.getUnsignedShort(p.readerIndex() + 4) : 0;
  }

  /** The TCP or UDP source port, or 0 for other protocols and later fragments. */
  public static int sourcePort(ByteBuf p) {
    return hasPorts(p) ? p.getUnsignedShort(p.readerIndex() + headerLength(p)) : 0;
  }

  public static int destinationPort(ByteBuf p) {
    return hasPorts(p) ? p.getUnsignedShort(p.readerIndex() + headerLength(p) + 2) : 0;
  }

  private static boolean hasPorts(ByteBuf p) {
    int proto = protocol(p);
    return (proto == IpProtocol.TCP || proto == IpProtocol.UDP) && !laterFragment(p);
  }
}
