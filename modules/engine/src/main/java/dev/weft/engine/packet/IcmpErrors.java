package dev.weft.engine.packet;

import dev.weft.model.value.IpAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Builds the ICMP errors a router sends back to a packet's source, quoting the offending packet as the
 * RFCs ask: the IP header plus the first 8 payload bytes for ICMPv4 (RFC 792), as much as fits in the
 * 1280-byte minimum MTU for ICMPv6 (RFC 4443).
 */
public final class IcmpErrors {
  private static final int IPV6_MIN_MTU = 1280;

  private IcmpErrors() {}

  /** "Fragmentation needed and DF set" or "packet too big", telling the source the next-hop MTU. */
  public static ByteBuf tooBig(ByteBufAllocator alloc, IpAddress router, ByteBuf offending, int mtu) {
    return IpView.family(offending).bits() == 32
        ? error(alloc, router, offending, Icmpv4Header.fragmentationNeeded(mtu))
        : error(alloc, router, offending, Icmpv6Header.packetTooBig(mtu));
  }

  /** "Time exceeded in transit": the TTL or hop limit reached zero. */
  public static ByteBuf timeExceeded(ByteBufAllocator alloc, IpAddress router, ByteBuf offending) {
    return IpView.family(offending).bits() == 32
        ? error(alloc, router, offending, Icmpv4Header.timeExceeded())
        : error(alloc, router, offending, Icmpv6Header.timeExceeded());
  }

  /**
   * Whether an ICMP error may be sent about {@code packet}: never about an ICMP error (RFC 1122 3.2.2,
   * RFC 4443 2.4), which is what stops error storms, and never about a later fragment.
   */
  public static boolean mayReportOn(ByteBuf packet) {
    if (IpView.laterFragment(packet)) {
      return false;
    }
    int proto = IpView.protocol(packet);
    int at = packet.readerIndex() + IpView.headerLength(packet);
    if (packet.writerIndex() <= at) {
      return true;
    }
    int type = packet.getUnsignedByte(at);
    if (proto == IpProtocol.ICMP) {
      return !new Icmpv4Header(type, 0, 0).reportsError();
    }
    return proto != IpProtocol.ICMPV6 || type >= 128;
  }

  private static ByteBuf error(ByteBufAllocator alloc, IpAddress router, ByteBuf offending, TransportHeader icmp) {
    boolean v4 = IpView.family(offending).bits() == 32;
    int available = offending.readableBytes();
    int quoted = v4
        ? Math.min(available, IpView.headerLength(offending) + 8)
        : Math.min(available, IPV6_MIN_MTU - Ipv6Header.LENGTH - Icmpv6Header.LENGTH);
    IpAddress to = IpView.source(offending);
    IpHeader ip = v4
        ? Ipv4Header.of(router, to, IpProtocol.ICMP, Ipv4Header.LENGTH, 0, false)
        : Ipv6Header.of(router, to, IpProtocol.ICMPV6, 0);
    ByteBuf out = alloc.buffer(ip.length() + icmp.length() + quoted);
    PacketWriter.writeIp(out, ip, icmp, offending.slice(offending.readerIndex(), quoted));
    return out;
  }
}
