package dev.weft.engine.l3;

import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.event.ForwardingObserver;
import dev.weft.engine.message.IpDatagram;
import dev.weft.engine.message.LocalDelivery;
import dev.weft.engine.message.RoutedPacket;
import dev.weft.engine.packet.IpProtocol;
import dev.weft.engine.packet.IpView;
import dev.weft.engine.packet.UdpHeader;
import dev.weft.model.value.IpAddress;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;

/**
 * Local delivery: hands UDP for a tunnel port to the VXLAN socket (as a Netty {@link DatagramPacket}),
 * protocol 47 to the GRE socket (as an {@link IpDatagram}), and anything else to the application.
 */
public final class SocketDemuxHandler extends ChannelInboundHandlerAdapter {
  private final StackConfig.Index stack;
  private final ForwardingObserver observer;

  public SocketDemuxHandler(StackConfig.Index stack, ForwardingObserver observer) {
    this.stack = stack;
    this.observer = observer;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof RoutedPacket p) || p.path() != RoutedPacket.Path.LOCAL_IN) {
      ctx.fireChannelRead(msg);
      return;
    }
    ByteBuf ip = p.content();
    int proto = IpView.protocol(ip);
    int l4 = ip.readerIndex() + IpView.headerLength(ip);
    IpAddress src = IpView.source(ip);
    IpAddress dst = IpView.destination(ip);
    if (proto == IpProtocol.UDP && stack.config().tunnelUdpPorts().contains(IpView.destinationPort(ip))) {
      int dport = IpView.destinationPort(ip);
      observer.on(new ForwardingEvent.HandedToTunnel(stack.config().namespace(), "udp/" + dport));
      ByteBuf payload = ip.retainedSlice(l4 + UdpHeader.LENGTH, ip.writerIndex() - l4 - UdpHeader.LENGTH);
      ctx.fireChannelRead(new DatagramPacket(payload, socket(dst, dport), socket(src, IpView.sourcePort(ip))));
      p.release();
    } else if (proto == IpProtocol.GRE && stack.config().greSocket()) {
      observer.on(new ForwardingEvent.HandedToTunnel(stack.config().namespace(), "gre"));
      ctx.fireChannelRead(new IpDatagram(src, dst, proto, ip.retainedSlice(l4, ip.writerIndex() - l4)));
      p.release();
    } else {
      observer.on(new ForwardingEvent.Delivered(stack.config().namespace(), dst));
      ctx.fireChannelRead(new LocalDelivery(stack.config().namespace(), ip));
    }
  }

  static InetSocketAddress socket(IpAddress address, int port) {
    return new InetSocketAddress(address.toInetAddress(), port);
  }
}
