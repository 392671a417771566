package dev.weft.engine.l3;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.event.ForwardingEvent.MtuOutcome;
import dev.weft.engine.event.ForwardingObserver;
import dev.weft.engine.message.LocalPacket;
import dev.weft.engine.message.RoutedPacket;
import dev.weft.engine.packet.Fragmenter;
import dev.weft.engine.packet.IcmpErrors;
import dev.weft.engine.packet.IpView;
import dev.weft.engine.packet.Segmentation;
import dev.weft.model.InterfaceRef;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.List;
import java.util.Optional;

/**
 * The egress MTU check of a router or a sending host. A packet that fits passes. An IPv4 packet with DF
 * clear is fragmented. Otherwise it is dropped: a forwarded packet causes an ICMP "fragmentation needed"
 * (or ICMPv6 "packet too big") carrying the MTU back to its source, while a local sender just gets
 * EMSGSIZE, as the kernel reports "message too long" to a socket rather than sending itself ICMP.
 */
public final class MtuHandler extends ChannelInboundHandlerAdapter {
  private final StackConfig.Index stack;
  private final ForwardingObserver observer;
  private final Segmentation segmentation;

  public MtuHandler(StackConfig.Index stack, ForwardingObserver observer, Segmentation segmentation) {
    this.stack = stack;
    this.observer = observer;
    this.segmentation = segmentation;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof RoutedPacket p) || !p.leaves()) {
      ctx.fireChannelRead(msg);
      return;
    }
    ByteBuf ip = p.content();
    InterfaceRef out = p.out();
    int mtu = stack.iface(out).map(i -> i.mtu().value()).orElse(Integer.MAX_VALUE);
    int size = IpView.length(ip);
    if (segmentation.largestSegment(size) <= mtu) {
      ctx.fireChannelRead(p);
      return;
    }
    if (IpView.family(ip) == IpFamily.IPV4 && !IpView.dontFragment(ip)) {
      List<ByteBuf> pieces = Fragmenter.fragment(ip, mtu, ctx.alloc());
      observer.on(new ForwardingEvent.MtuExceeded(out, size, mtu, MtuOutcome.FRAGMENTED, pieces.size()));
      p.release();
      pieces.forEach(piece -> ctx.fireChannelRead(p.replace(piece)));
      return;
    }
    if (p.path() == RoutedPacket.Path.LOCAL_OUT) {
      observer.on(new ForwardingEvent.MtuExceeded(out, size, mtu, MtuOutcome.DROPPED_LOCAL_ERROR, 0));
      observer.on(new ForwardingEvent.Dropped(DropReason.MTU_EXCEEDED, size + "-byte packet with DF set exceeds the MTU "
          + mtu + " of " + out + " (local error: message too long, mtu=" + mtu + ")"));
      p.release();
      return;
    }
    observer.on(new ForwardingEvent.MtuExceeded(out, size, mtu, MtuOutcome.DROPPED_DONT_FRAGMENT, 0));
    observer.on(new ForwardingEvent.Dropped(DropReason.MTU_EXCEEDED, size + "-byte packet with DF set exceeds the MTU "
        + mtu + " of " + out));
    IpAddress src = IpView.source(ip);
    Optional<IpAddress> self = p.in().flatMap(in -> stack.sourceFor(in, src));
    ByteBuf icmp = null;
    if (self.isPresent() && IcmpErrors.mayReportOn(ip)) {
      icmp = IcmpErrors.tooBig(ctx.alloc(), self.get(), ip, mtu);
      observer.on(new ForwardingEvent.IcmpErrorSent(src, (src.isIpv4() ? "fragmentation needed, mtu " : "packet too big, mtu ") + mtu));
    }
    p.release();
    if (icmp != null) {
      ctx.pipeline().fireChannelRead(new LocalPacket(icmp));
    }
  }
}
