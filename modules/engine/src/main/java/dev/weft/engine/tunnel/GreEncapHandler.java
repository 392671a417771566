package dev.weft.engine.tunnel;

import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.event.ForwardingObserver;
import dev.weft.engine.message.IpDatagram;
import dev.weft.engine.message.PortFrame;
import dev.weft.engine.packet.EtherType;
import dev.weft.engine.packet.GreHeader;
import dev.weft.engine.packet.IpProtocol;
import dev.weft.engine.packet.PacketWriter;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * GRE encapsulation (RFC 2784, key per RFC 2890): what is written to the device becomes a GRE payload for
 * the remote endpoint, protocol 0x6558 for a gretap frame, 0x0800 or 0x86dd for an IP packet.
 */
public final class GreEncapHandler extends ChannelOutboundHandlerAdapter {
  private final GreConfig config;
  private final ForwardingObserver observer;

  public GreEncapHandler(GreConfig config, ForwardingObserver observer) {
    this.config = config;
    this.observer = observer;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (!(msg instanceof PortFrame frame) || !frame.port().equals(config.device())) {
      ctx.write(msg, promise);
      return;
    }
    try {
      ByteBuf inner = frame.content();
      int protocol = config.ethernet() ? EtherType.TRANSPARENT_ETHERNET
          : (inner.getUnsignedByte(inner.readerIndex()) >>> 4) == 6 ? EtherType.IPV6 : EtherType.IPV4;
      GreHeader header = GreHeader.of(protocol, config.key());
      ByteBuf out = ctx.alloc().buffer(header.length() + inner.readableBytes());
      PacketWriter.writeGre(out, header, inner);
      observer.on(new ForwardingEvent.Encapsulated(config.device(), ForwardingEvent.TunnelType.GRE, config.key(),
          config.local(), config.remote(), "point-to-point tunnel"));
      ctx.write(new IpDatagram(config.local(), config.remote(), IpProtocol.GRE, out), promise);
    } finally {
      frame.release();
    }
  }
}
