package dev.weft.engine.l3;

import dev.weft.engine.message.IpDatagram;
import dev.weft.engine.message.LocalPacket;
import dev.weft.engine.packet.IpHeader;
import dev.weft.engine.packet.IpProtocol;
import dev.weft.engine.packet.Ipv4Header;
import dev.weft.engine.packet.Ipv6Header;
import dev.weft.engine.packet.PacketWriter;
import dev.weft.engine.packet.UdpHeader;
import dev.weft.model.value.IpAddress;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;

/**
 * The sending side of local sockets: wraps a UDP datagram (from the VXLAN device) or a raw IP payload
 * (from GRE) in IP headers and hands the packet to routing. Tunnel packets leave with DF clear, as Linux
 * VXLAN and GRE devices send them by default, so the underlay may fragment them.
 */
public final class SocketSendHandler extends ChannelInboundHandlerAdapter {
  private int nextId = 1;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    switch (msg) {
      case DatagramPacket d -> {
        try {
          IpAddress src = IpAddress.fromBytes(d.sender().getAddress().getAddress());
          IpAddress dst = IpAddress.fromBytes(d.recipient().getAddress().getAddress());
          ByteBuf out = ctx.alloc().buffer(60 + d.content().readableBytes());
          PacketWriter.writeIp(out, header(src, dst, IpProtocol.UDP),
              new UdpHeader(d.sender().getPort(), d.recipient().getPort(), UdpHeader.LENGTH), d.content());
          ctx.fireChannelRead(new LocalPacket(out));
        } finally {
          d.release();
        }
      }
      case IpDatagram g -> {
        try {
          ByteBuf out = ctx.alloc().buffer(40 + g.content().readableBytes());
          PacketWriter.writeIp(out, header(g.source(), g.destination(), g.protocol()), g.content());
          ctx.fireChannelRead(new LocalPacket(out));
        } finally {
          g.release();
        }
      }
      default -> ctx.fireChannelRead(msg);
    }
  }

  private IpHeader header(IpAddress src, IpAddress dst, int protocol) {
    int id = nextId;
    nextId = (nextId + 1) & 0xffff;
    return src.isIpv4()
        ? Ipv4Header.of(src, dst, protocol, Ipv4Header.LENGTH, id, false)
        : Ipv6Header.of(src, dst, protocol, 0);
  }
}
