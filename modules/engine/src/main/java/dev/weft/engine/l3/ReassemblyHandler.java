package dev.weft.engine.l3;

import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.event.ForwardingObserver;
import dev.weft.engine.message.RoutedPacket;
import dev.weft.engine.packet.IpView;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** Holds the fragments of datagrams for this host until each is complete, then passes it up whole. */
public final class ReassemblyHandler extends ChannelInboundHandlerAdapter {
  private final Reassembler reassembler = new Reassembler();
  private final ForwardingObserver observer;

  public ReassemblyHandler(ForwardingObserver observer) {
    this.observer = observer;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof RoutedPacket p) || p.path() != RoutedPacket.Path.LOCAL_IN || !IpView.fragment(p.content())) {
      ctx.fireChannelRead(msg);
      return;
    }
    reassembler.offer(p.content(), ctx.alloc()).ifPresent(d -> {
      observer.on(new ForwardingEvent.Reassembled(d.fragments(), d.packet().readableBytes()));
      ctx.fireChannelRead(RoutedPacket.local(p.in(), d.packet()));
    });
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    reassembler.releaseAll();
  }
}
