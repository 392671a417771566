package dev.weft.dataplane.forward;

import dev.weft.engine.packet.Icmpv4Header;
import dev.weft.engine.packet.Icmpv6Header;
import dev.weft.engine.packet.InternetChecksum;
import dev.weft.engine.packet.IpProtocol;
import dev.weft.engine.packet.IpView;
import dev.weft.engine.packet.Ipv4Header;
import dev.weft.model.value.IpFamily;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Optional;

/**
 * The one application of the host's userspace stack: it answers ICMP and ICMPv6 echo requests to the
 * stack's own addresses (a bridge's gateway, say), as the kernel would, so pods can ping their gateway.
 * The reply is the request with addresses swapped, the type turned and the checksums redone.
 */
final class EchoResponder {
  private static final int IPV6_SOURCE = 8;
  private static final int IPV6_HOP_LIMIT = 7;

  private EchoResponder() {}

  /** The echo reply to a whole, validated IP packet that reached the stack, if it is an echo request. */
  static Optional<ByteBuf> reply(ByteBuf ip, ByteBufAllocator alloc) {
    int length = ip.readableBytes();
    int l4 = IpView.headerLength(ip);
    if (length < l4 + Icmpv4Header.LENGTH || IpView.fragment(ip)) {
      return Optional.empty();
    }
    boolean v4 = IpView.family(ip) == IpFamily.IPV4;
    int type = ip.getUnsignedByte(ip.readerIndex() + l4);
    int protocol = IpView.protocol(ip);
    boolean request = v4 ? protocol == IpProtocol.ICMP && type == Icmpv4Header.ECHO_REQUEST
        : protocol == IpProtocol.ICMPV6 && type == Icmpv6Header.ECHO_REQUEST;
    if (!request) {
      return Optional.empty();
    }
    ByteBuf out = alloc.buffer(length).writeBytes(ip, ip.readerIndex(), length);
    if (v4) {
      int src = out.getInt(Ipv4Header.SOURCE_OFFSET);
      out.setInt(Ipv4Header.SOURCE_OFFSET, out.getInt(Ipv4Header.DESTINATION_OFFSET));
      out.setInt(Ipv4Header.DESTINATION_OFFSET, src);
      out.setByte(Ipv4Header.TTL_OFFSET, 64);
      Ipv4Header.updateChecksum(out, 0);
      out.setByte(l4, Icmpv4Header.ECHO_REPLY);
      out.setShort(l4 + 2, 0);
      out.setShort(l4 + 2, InternetChecksum.finish(InternetChecksum.add(0, out, l4, length - l4)));
    } else {
      for (int i = 0; i < 16; i += 8) {
        long s = out.getLong(IPV6_SOURCE + i);
        out.setLong(IPV6_SOURCE + i, out.getLong(IPV6_SOURCE + 16 + i));
        out.setLong(IPV6_SOURCE + 16 + i, s);
      }
      out.setByte(IPV6_HOP_LIMIT, 64);
      out.setByte(l4, Icmpv6Header.ECHO_REPLY);
      out.setShort(l4 + 2, 0);
      long pseudo = InternetChecksum.pseudoHeader(IpView.source(out), IpView.destination(out), IpProtocol.ICMPV6, length - l4);
      out.setShort(l4 + 2, InternetChecksum.finish(InternetChecksum.add(pseudo, out, l4, length - l4)));
    }
    return Optional.of(out);
  }
}
