package dev.weft.dataplane.testing;

import dev.weft.engine.packet.EtherType;
import dev.weft.engine.packet.EthernetHeader;
import dev.weft.engine.packet.IpHeader;
import dev.weft.engine.packet.IpProtocol;
import dev.weft.engine.packet.Ipv4Header;
import dev.weft.engine.packet.Ipv6Header;
import dev.weft.engine.packet.PacketWriter;
import dev.weft.engine.packet.TcpHeader;
import dev.weft.engine.packet.TransportHeader;
import dev.weft.engine.packet.UdpHeader;
import dev.weft.engine.packet.VxlanHeader;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Vni;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

/** Valid Ethernet frames built with the engine's codecs (all checksums right). */
public final class Frames {
  public static final ByteBufAllocator ALLOC = ByteBufAllocator.DEFAULT;

  private Frames() {}

  /** A TCP segment in IPv4 or IPv6 with {@code payload} as its data. */
  public static ByteBuf tcp(Mac dst, Mac src, IpAddress from, IpAddress to, long seq, int flags, byte[] payload) {
    return ip(dst, src, from, to, new TcpHeader(40000, 5001, seq, 1, flags, 0xffff, 0), payload);
  }

  public static ByteBuf udp(Mac dst, Mac src, IpAddress from, IpAddress to, int dport, byte[] payload) {
    return ip(dst, src, from, to, new UdpHeader(40000, dport, UdpHeader.LENGTH), payload);
  }

  public static ByteBuf ip(Mac dst, Mac src, IpAddress from, IpAddress to, TransportHeader l4, byte[] payload) {
    ByteBuf out = ALLOC.buffer(14 + 60 + payload.length);
    boolean v4 = from.isIpv4();
    new EthernetHeader(dst, src, v4 ? EtherType.IPV4 : EtherType.IPV6).encode(out);
    IpHeader ip = v4 ? Ipv4Header.of(from, to, l4.protocol(), Ipv4Header.LENGTH, 4242, true)
        : Ipv6Header.of(from, to, l4.protocol(), 0);
    PacketWriter.writeIp(out, ip, l4, Unpooled.wrappedBuffer(payload));
    return out;
  }

  /** {@code frame} (released by this call) behind a VXLAN header for {@code vni}: a datagram's payload. */
  public static ByteBuf vxlan(int vni, ByteBuf frame) {
    ByteBuf out = ALLOC.buffer(VxlanHeader.LENGTH + frame.readableBytes());
    new VxlanHeader(new Vni(vni)).encode(out);
    out.writeBytes(frame);
    frame.release();
    return out;
  }

  public static int tcpProtocol() {
    return IpProtocol.TCP;
  }
}
