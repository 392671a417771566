package dev.weft.engine.l3;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.event.ForwardingEvent.Resolution;
import dev.weft.engine.event.ForwardingObserver;
import dev.weft.engine.message.NeighborTimeout;
import dev.weft.engine.message.NeighborUpdate;
import dev.weft.engine.message.PortFrame;
import dev.weft.engine.message.ReceivedPacket;
import dev.weft.engine.message.RoutedPacket;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Neighbour output: turns a routed packet into a frame on its egress interface. On Ethernet the next
 * hop's MAC comes from the neighbour table; when it is unknown the packet waits and an ARP request (IPv4)
 * or neighbour solicitation (IPv6) goes out. An answer releases the waiting packets; a
 * {@link NeighborTimeout} drops them. A stale entry is used and probed (see {@link NeighborTable}).
 * Point-to-point links need no MAC and loopback turns the packet straight round into the stack.
 */
public final class NeighborHandler extends ChannelInboundHandlerAdapter {
  private final StackConfig.Index stack;
  private final NeighborTable neighbors;
  private final InstantSource clock;
  private final ForwardingObserver observer;

  public NeighborHandler(StackConfig.Index stack, NeighborTable neighbors, InstantSource clock, ForwardingObserver observer) {
    this.stack = stack;
    this.neighbors = neighbors;
    this.clock = clock;
    this.observer = observer;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    switch (msg) {
      case RoutedPacket p when p.leaves() -> output(ctx, p);
      case NeighborUpdate u -> {
        for (RoutedPacket waiting : neighbors.drain(new NeighborTable.Key(u.device(), u.address()))) {
          observer.on(new ForwardingEvent.NeighborResolved(u.device(), u.address(), u.mac(), Resolution.LEARNED));
          send(ctx, waiting, u.mac());
        }
      }
      default -> ctx.fireChannelRead(msg);
    }
  }

  private void output(ChannelHandlerContext ctx, RoutedPacket p) {
    StackInterface iface = stack.require(p.out());
    switch (iface.link()) {
      case LOOPBACK -> ctx.pipeline().fireChannelRead(new ReceivedPacket(p.out(), p.content()));
      case RAW_IP -> ctx.fireChannelRead(new PortFrame(p.out(), p.content()));
      case ETHERNET -> ethernet(ctx, p, iface);
    }
  }

  private void ethernet(ChannelHandlerContext ctx, RoutedPacket p, StackInterface iface) {
    NeighborTable.Key key = new NeighborTable.Key(p.out(), p.nextHop());
    Optional<NeighborTable.Neighbor> known = neighbors.resolve(key, clock.instant());
    if (known.isPresent()) {
      IpAddress nextHop = p.nextHop();
      observer.on(new ForwardingEvent.NeighborResolved(p.out(), nextHop, known.get().mac(), known.get().how()));
      send(ctx, p, known.get().mac());
      if (known.get().probe()) {
        solicit(ctx, iface, nextHop);
      }
      return;
    }
    switch (neighbors.enqueue(key, p)) {
      case FIRST -> solicit(ctx, iface, p.nextHop());
      case WAITING -> { }
      case FULL -> {
        observer.on(new ForwardingEvent.Dropped(DropReason.NEIGHBOR_UNREACHABLE, "queue for unresolved " + p.nextHop() + " is full"));
        p.release();
      }
    }
  }

  private void solicit(ChannelHandlerContext ctx, StackInterface iface, IpAddress target) {
    Optional<IpAddress> source = stack.sourceFor(iface.ref(), target);
    if (source.isEmpty()) {
      return; // nothing to ask from; the timeout will drop the queue
    }
    observer.on(new ForwardingEvent.NeighborSolicited(iface.ref(), target, source.get()));
    ByteBuf request = target.isIpv4()
        ? NeighborMessages.arpRequest(ctx.alloc(), iface.mac(), source.get(), target)
        : NeighborMessages.solicitation(ctx.alloc(), iface.mac(), source.get(), target);
    ctx.fireChannelRead(new PortFrame(iface.ref(), request));
  }

  private void send(ChannelHandlerContext ctx, RoutedPacket p, Mac mac) {
    try {
      StackInterface iface = stack.require(p.out());
      ctx.fireChannelRead(new PortFrame(p.out(), NeighborMessages.frame(ctx.alloc(), mac, iface.mac(), p.content())));
    } finally {
      p.release();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt == NeighborTimeout.INSTANCE) {
      neighbors.forgetStale(clock.instant());
      for (Map.Entry<NeighborTable.Key, List<RoutedPacket>> e : neighbors.drainAll().entrySet()) {
        observer.on(new ForwardingEvent.Dropped(DropReason.NEIGHBOR_UNREACHABLE, "no answer to "
            + (e.getKey().address().isIpv4() ? "ARP" : "neighbor solicitation") + " for " + e.getKey().address()
            + " on " + e.getKey().device() + " (" + e.getValue().size() + " packet(s) dropped)"));
        e.getValue().forEach(RoutedPacket::release);
      }
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    neighbors.drainAll().values().forEach(list -> list.forEach(RoutedPacket::release));
  }
}
