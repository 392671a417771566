package dev.weft.engine.l3;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.event.ForwardingObserver;
import dev.weft.engine.message.ArpMessage;
import dev.weft.engine.message.PortFrame;
import dev.weft.engine.message.ReceivedPacket;
import dev.weft.engine.packet.ArpPacket;
import dev.weft.engine.packet.EtherType;
import dev.weft.engine.packet.EthernetHeader;
import dev.weft.engine.packet.Ipv4Header;
import dev.weft.engine.packet.Ipv6Header;
import dev.weft.engine.packet.PacketException;
import dev.weft.model.value.Mac;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Link input of a stack: accepts frames addressed to the interface's MAC, broadcast or multicast (others
 * are flooded copies meant for someone else), validates the IP header and strips the link header. ARP
 * comes out decoded, IP as a {@link ReceivedPacket}.
 */
public final class EthernetInputHandler extends ChannelInboundHandlerAdapter {
  private final StackConfig.Index stack;
  private final ForwardingObserver observer;

  public EthernetInputHandler(StackConfig.Index stack, ForwardingObserver observer) {
    this.stack = stack;
    this.observer = observer;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof PortFrame frame) || stack.iface(frame.port()).isEmpty()) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      StackInterface iface = stack.require(frame.port());
      if (iface.link() == LinkType.ETHERNET) {
        ethernet(ctx, frame, iface);
      } else {
        ip(ctx, frame, frame.content());
      }
    } catch (PacketException e) {
      observer.on(new ForwardingEvent.Dropped(DropReason.unparsable(e), e.getMessage()));
    } finally {
      frame.release();
    }
  }

  private void ethernet(ChannelHandlerContext ctx, PortFrame frame, StackInterface iface) {
    ByteBuf bytes = frame.content();
    EthernetHeader eth = EthernetHeader.decode(bytes.duplicate());
    Mac dst = eth.destination();
    if (!dst.equals(iface.mac()) && !dst.isMulticast()) {
      observer.on(new ForwardingEvent.Dropped(DropReason.NOT_FOR_US,
          "frame for " + dst + " is not for " + iface.ref() + " (" + iface.mac() + ")"));
      return;
    }
    ByteBuf payload = bytes.slice(bytes.readerIndex() + EthernetHeader.LENGTH, bytes.readableBytes() - EthernetHeader.LENGTH);
    switch (eth.etherType()) {
      case EtherType.ARP -> ctx.fireChannelRead(new ArpMessage(frame.port(), ArpPacket.decode(payload.duplicate())));
      case EtherType.IPV4, EtherType.IPV6 -> ip(ctx, frame, payload);
      default -> observer.on(new ForwardingEvent.Dropped(DropReason.UNSUPPORTED,
          "no protocol handler for EtherType " + EtherType.name(eth.etherType())));
    }
  }

  private void ip(ChannelHandlerContext ctx, PortFrame frame, ByteBuf packet) {
    int length;
    if (packet.readableBytes() > 0 && (packet.getUnsignedByte(packet.readerIndex()) >>> 4) == 6) {
      length = Ipv6Header.decode(packet.duplicate()).packetLength();
    } else {
      length = Ipv4Header.decode(packet.duplicate()).packetLength();
    }
    // the slice drops link padding; it shares the frame's memory, which nothing else holds
    ctx.fireChannelRead(new ReceivedPacket(frame.port(), packet.retainedSlice(packet.readerIndex(), length)));
  }
}
