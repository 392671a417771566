package dev.weft.engine.l3;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.event.ForwardingObserver;
import dev.weft.engine.message.LocalPacket;
import dev.weft.engine.message.ReceivedPacket;
import dev.weft.engine.message.RoutedPacket;
import dev.weft.engine.packet.IcmpErrors;
import dev.weft.engine.packet.IpView;
import dev.weft.engine.packet.PacketEditor;
import dev.weft.model.InterfaceRef;
import dev.weft.model.route.Route;
import dev.weft.model.value.IpAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.Optional;

/**
 * The routing decision of a namespace. A received packet for one of its addresses goes up (INPUT);
 * otherwise, if the namespace forwards, the route table's longest match picks egress and next hop and
 * the TTL is decremented (FORWARD), with ICMP time-exceeded when it runs out. A local packet is routed
 * the same way (OUTPUT), gets a source address if it has none, and goes out by loopback when it is for
 * the namespace itself.
 */
public final class RouterHandler extends ChannelInboundHandlerAdapter {
  private final StackConfig.Index stack;
  private final ForwardingObserver observer;

  public RouterHandler(StackConfig.Index stack, ForwardingObserver observer) {
    this.stack = stack;
    this.observer = observer;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    switch (msg) {
      case ReceivedPacket p -> received(ctx, p);
      case LocalPacket p -> local(ctx, p);
      default -> ctx.fireChannelRead(msg);
    }
  }

  private void received(ChannelHandlerContext ctx, ReceivedPacket p) {
    ByteBuf ip = p.content();
    IpAddress dst = IpView.destination(ip);
    if (stack.isLocal(dst)) {
      observer.on(new ForwardingEvent.AcceptedLocally(stack.config().namespace(), dst));
      ctx.fireChannelRead(RoutedPacket.local(Optional.of(p.in()), ip));
      return;
    }
    if (!stack.config().ipForward()) {
      drop(p, DropReason.FORWARDING_DISABLED, dst + " is not local and " + stack.config().namespace()
          + " does not forward (ip_forward=0)");
      return;
    }
    Optional<Route> route = stack.config().routes().lookup(dst);
    if (route.isEmpty()) {
      drop(p, DropReason.NO_ROUTE, "no route to " + dst + " in " + stack.config().namespace());
      return;
    }
    int ttl = IpView.hopLimit(ip);
    if (ttl <= 1) {
      timeExceeded(ctx, p, ttl);
      return;
    }
    observer.on(new ForwardingEvent.TtlDecremented(ttl, PacketEditor.decrementHopLimit(ip)));
    Route r = route.get();
    IpAddress next = r.nextHop(dst);
    observer.on(new ForwardingEvent.RouteSelected(stack.config().namespace(), dst, r, next));
    ctx.fireChannelRead(new RoutedPacket(RoutedPacket.Path.FORWARD, Optional.of(p.in()),
        Optional.of(egress(r)), Optional.of(next), ip));
  }

  private void local(ChannelHandlerContext ctx, LocalPacket p) {
    ByteBuf ip = p.content();
    IpAddress dst = IpView.destination(ip);
    if (stack.isLocal(dst)) {
      fillSource(ip, dst, stack.loopback().ref());
      observer.on(new ForwardingEvent.AcceptedLocally(stack.config().namespace(), dst));
      ctx.fireChannelRead(new RoutedPacket(RoutedPacket.Path.LOCAL_OUT, Optional.empty(),
          Optional.of(stack.loopback().ref()), Optional.of(dst), ip));
      return;
    }
    Optional<Route> route = stack.config().routes().lookup(dst);
    if (route.isEmpty()) {
      drop(p, DropReason.NO_ROUTE, "no route to " + dst + " in " + stack.config().namespace()
          + " (connect: Network is unreachable)");
      return;
    }
    Route r = route.get();
    InterfaceRef out = egress(r);
    IpAddress next = r.nextHop(dst);
    observer.on(new ForwardingEvent.RouteSelected(stack.config().namespace(), dst, r, next));
    if (IpView.source(ip).isUnspecified()) {
      Optional<IpAddress> src = stack.sourceFor(out, dst);
      if (src.isEmpty()) {
        drop(p, DropReason.NO_ROUTE, "no " + dst.family() + " source address for " + out);
        return;
      }
      fillSource(ip, src.get(), out);
    }
    ctx.fireChannelRead(new RoutedPacket(RoutedPacket.Path.LOCAL_OUT, Optional.empty(), Optional.of(out),
        Optional.of(next), ip));
  }

  private void fillSource(ByteBuf ip, IpAddress source, InterfaceRef device) {
    if (IpView.source(ip).isUnspecified()) {
      PacketEditor.rewrite(ip, source, IpView.destination(ip), IpView.sourcePort(ip), IpView.destinationPort(ip));
      observer.on(new ForwardingEvent.SourceSelected(source, device));
    }
  }

  private void timeExceeded(ChannelHandlerContext ctx, ReceivedPacket p, int ttl) {
    ByteBuf ip = p.content();
    IpAddress src = IpView.source(ip);
    observer.on(new ForwardingEvent.Dropped(DropReason.TTL_EXCEEDED,
        "TTL " + ttl + " ran out at " + stack.config().namespace()));
    Optional<IpAddress> self = stack.sourceFor(p.in(), src);
    ByteBuf icmp = null;
    if (self.isPresent() && IcmpErrors.mayReportOn(ip)) {
      icmp = IcmpErrors.timeExceeded(ctx.alloc(), self.get(), ip);
      observer.on(new ForwardingEvent.IcmpErrorSent(src, "time exceeded in transit"));
    }
    p.release();
    if (icmp != null) {
      ctx.pipeline().fireChannelRead(new LocalPacket(icmp));
    }
  }

  private InterfaceRef egress(Route r) {
    return new InterfaceRef(stack.config().namespace(), r.device());
  }

  private void drop(ByteBufHolder p, DropReason reason, String detail) {
    observer.on(new ForwardingEvent.Dropped(reason, detail));
    p.release();
  }
}
