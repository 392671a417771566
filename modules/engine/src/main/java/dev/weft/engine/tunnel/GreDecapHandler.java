package dev.weft.engine.tunnel;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.event.ForwardingObserver;
import dev.weft.engine.message.IpDatagram;
import dev.weft.engine.message.PortFrame;
import dev.weft.engine.packet.EtherType;
import dev.weft.engine.packet.GreHeader;
import dev.weft.engine.packet.InternetChecksum;
import dev.weft.engine.packet.PacketException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * GRE decapsulation: a datagram from the tunnel's remote to its local address, with the tunnel's key and
 * the payload type the device carries, yields the inner frame or packet on the device.
 */
public final class GreDecapHandler extends ChannelInboundHandlerAdapter {
  private final GreConfig config;
  private final ForwardingObserver observer;

  public GreDecapHandler(GreConfig config, ForwardingObserver observer) {
    this.config = config;
    this.observer = observer;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof IpDatagram d)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      ByteBuf in = d.content().duplicate();
      GreHeader header = GreHeader.decode(in);
      if (header.checksumPresent() && !InternetChecksum.verifies(
          InternetChecksum.add(0, d.content(), d.content().readerIndex(), d.content().readableBytes()))) {
        observer.on(new ForwardingEvent.Dropped(DropReason.MALFORMED, "bad GRE checksum"));
        return;
      }
      if (!header.key().equals(config.key()) || !d.source().equals(config.remote())) {
        observer.on(new ForwardingEvent.Dropped(DropReason.UNKNOWN_TUNNEL, "GRE from " + d.source() + " key "
            + header.key().map(String::valueOf).orElse("none") + " does not match " + config.device()));
        return;
      }
      boolean teb = header.protocolType() == EtherType.TRANSPARENT_ETHERNET;
      if (teb != config.ethernet()) {
        observer.on(new ForwardingEvent.Dropped(DropReason.UNKNOWN_TUNNEL, "GRE protocol "
            + EtherType.name(header.protocolType()) + " on " + (config.ethernet() ? "a gretap" : "an L3 GRE") + " device"));
        return;
      }
      observer.on(new ForwardingEvent.Decapsulated(config.device(), ForwardingEvent.TunnelType.GRE, header.key(),
          d.source(), d.destination()));
      ctx.fireChannelRead(new PortFrame(config.device(), in.retainedSlice()));
    } catch (PacketException e) {
      observer.on(new ForwardingEvent.Dropped(DropReason.unparsable(e), e.getMessage()));
    } finally {
      d.release();
    }
  }
}
