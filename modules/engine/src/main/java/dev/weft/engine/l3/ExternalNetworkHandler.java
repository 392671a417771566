package dev.weft.engine.l3;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.event.ForwardingObserver;
import dev.weft.engine.message.PortFrame;
import dev.weft.engine.packet.ArpPacket;
import dev.weft.engine.packet.DecodedFrame;
import dev.weft.engine.packet.EtherType;
import dev.weft.engine.packet.EthernetHeader;
import dev.weft.engine.packet.FrameDecoder;
import dev.weft.engine.packet.IpHeader;
import dev.weft.engine.packet.NdpMessage;
import dev.weft.engine.packet.PacketException;
import dev.weft.model.InterfaceRef;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Name;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.function.Predicate;

/**
 * The world beyond an external segment, as one port on it: it answers ARP and neighbour solicitations for
 * every address outside the modelled network (standing in for the upstream router), and absorbs the IP
 * packets sent to it, which have thereby left the network.
 */
public final class ExternalNetworkHandler extends ChannelInboundHandlerAdapter {
  private final InterfaceRef port;
  private final Name segment;
  private final Mac mac;
  private final Predicate<IpAddress> outside;
  private final ForwardingObserver observer;

  public ExternalNetworkHandler(InterfaceRef port, Name segment, Mac mac, Predicate<IpAddress> outside, ForwardingObserver observer) {
    this.port = port;
    this.segment = segment;
    this.mac = mac;
    this.outside = outside;
    this.observer = observer;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof PortFrame frame) || !frame.port().equals(port)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      handle(ctx, frame.content());
    } catch (PacketException e) {
      observer.on(new ForwardingEvent.Dropped(DropReason.unparsable(e), e.getMessage()));
    } finally {
      frame.release();
    }
  }

  private void handle(ChannelHandlerContext ctx, ByteBuf bytes) {
    DecodedFrame d = FrameDecoder.standard().decodeFrame(bytes);
    EthernetHeader eth = d.first(EthernetHeader.class).orElseThrow();
    if (eth.etherType() == EtherType.ARP) {
      ArpPacket arp = d.first(ArpPacket.class).orElseThrow();
      if (arp.operation() == ArpPacket.REQUEST && outside.test(arp.targetIp())) {
        observer.on(new ForwardingEvent.NeighborAnswered(port, arp.targetIp(), arp.senderIp()));
        ctx.fireChannelRead(new PortFrame(port, NeighborMessages.arpReply(ctx.alloc(), arp, mac)));
      }
      return;
    }
    var ndp = d.first(NdpMessage.class);
    var ipHeader = d.first(IpHeader.class);
    if (ipHeader.isEmpty()) {
      observer.on(new ForwardingEvent.Dropped(DropReason.NOT_FOR_US, "the external network ignores " + eth.summary()));
      return;
    }
    IpHeader ip = ipHeader.get();
    if (ndp.isPresent()) {
      if (ndp.get().solicitation() && outside.test(ndp.get().target()) && ndp.get().linkLayerAddress().isPresent()) {
        observer.on(new ForwardingEvent.NeighborAnswered(port, ndp.get().target(), ip.source()));
        ctx.fireChannelRead(new PortFrame(port, NeighborMessages.advertisement(
            ctx.alloc(), mac, ndp.get().target(), ip.source(), ndp.get().linkLayerAddress().get())));
      }
      return;
    }
    if (!eth.destination().equals(mac)) {
      observer.on(new ForwardingEvent.Dropped(DropReason.NOT_FOR_US, "frame for " + eth.destination() + " is not for the external network"));
      return;
    }
    observer.on(new ForwardingEvent.ExitedNetwork(segment, ip.destination()));
  }
}
