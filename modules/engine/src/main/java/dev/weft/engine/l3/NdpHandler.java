package dev.weft.engine.l3;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.event.ForwardingObserver;
import dev.weft.engine.message.NeighborUpdate;
import dev.weft.engine.message.PortFrame;
import dev.weft.engine.message.ReceivedPacket;
import dev.weft.engine.packet.DecodedFrame;
import dev.weft.engine.packet.FrameDecoder;
import dev.weft.engine.packet.Icmpv6Header;
import dev.weft.engine.packet.IpProtocol;
import dev.weft.engine.packet.IpView;
import dev.weft.engine.packet.Ipv6Header;
import dev.weft.engine.packet.NdpMessage;
import dev.weft.engine.packet.PacketException;
import dev.weft.model.value.IpFamily;
import dev.weft.model.value.Mac;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.InstantSource;

/**
 * IPv6 neighbour discovery (RFC 4861), the IPv6 counterpart of {@link ArpHandler}: answers solicitations
 * for the namespace's addresses and learns from solicitations and advertisements.
 */
public final class NdpHandler extends ChannelInboundHandlerAdapter {
  private final StackConfig.Index stack;
  private final NeighborTable neighbors;
  private final InstantSource clock;
  private final ForwardingObserver observer;

  public NdpHandler(StackConfig.Index stack, NeighborTable neighbors, InstantSource clock, ForwardingObserver observer) {
    this.stack = stack;
    this.neighbors = neighbors;
    this.clock = clock;
    this.observer = observer;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ReceivedPacket p) || !isNdp(p)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      DecodedFrame d = FrameDecoder.standard().decodePacket(p.content());
      Ipv6Header ip = d.first(Ipv6Header.class).orElseThrow();
      NdpMessage ndp = d.first(NdpMessage.class).orElseThrow();
      handle(ctx, p, ip, ndp);
    } catch (PacketException e) {
      observer.on(new ForwardingEvent.Dropped(DropReason.unparsable(e), e.getMessage()));
    } finally {
      p.release();
    }
  }

  private void handle(ChannelHandlerContext ctx, ReceivedPacket p, Ipv6Header ip, NdpMessage ndp) {
    if (ndp.solicitation() && !stack.isLocal(ndp.target())) {
      observer.on(new ForwardingEvent.Dropped(DropReason.NOT_FOR_US, "neighbor solicitation for " + ndp.target()
          + ": not an address of " + stack.config().namespace()));
      return;
    }
    if (ndp.linkLayerAddress().isEmpty()) {
      return;
    }
    Mac mac = ndp.linkLayerAddress().get();
    var learnedAddress = ndp.solicitation() ? ip.source() : ndp.target();
    neighbors.learn(new NeighborTable.Key(p.in(), learnedAddress), mac, clock.instant());
    if (ndp.solicitation()) {
      StackInterface iface = stack.require(p.in());
      observer.on(new ForwardingEvent.NeighborAnswered(p.in(), ndp.target(), ip.source()));
      ctx.fireChannelRead(new PortFrame(p.in(),
          NeighborMessages.advertisement(ctx.alloc(), iface.mac(), ndp.target(), ip.source(), mac)));
    }
    ctx.fireChannelRead(new NeighborUpdate(p.in(), learnedAddress, mac));
  }

  private static boolean isNdp(ReceivedPacket p) {
    var b = p.content();
    if (IpView.family(b) != IpFamily.IPV6 || IpView.protocol(b) != IpProtocol.ICMPV6
        || b.readableBytes() < Ipv6Header.LENGTH + Icmpv6Header.LENGTH) {
      return false;
    }
    int type = b.getUnsignedByte(b.readerIndex() + Ipv6Header.LENGTH);
    return type == Icmpv6Header.NEIGHBOR_SOLICITATION || type == Icmpv6Header.NEIGHBOR_ADVERTISEMENT;
  }
}
