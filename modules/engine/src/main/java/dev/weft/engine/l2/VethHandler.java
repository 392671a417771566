package dev.weft.engine.l2;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.event.ForwardingObserver;
import dev.weft.engine.message.PortFrame;
import dev.weft.engine.packet.EthernetHeader;
import dev.weft.engine.packet.Segmentation;
import dev.weft.model.InterfaceRef;
import dev.weft.model.value.Mtu;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * A veth pair: a frame sent into one end comes out of the other. Like the kernel's veth_xmit, the pair
 * drops (silently, without ICMP) a frame larger than the receiving end's MTU plus its Ethernet header.
 */
public final class VethHandler extends ChannelInboundHandlerAdapter {
  private final InterfaceRef a;
  private final Mtu mtuA;
  private final InterfaceRef b;
  private final Mtu mtuB;
  private final ForwardingObserver observer;
  private final Segmentation segmentation;

  public VethHandler(InterfaceRef a, Mtu mtuA, InterfaceRef b, Mtu mtuB, ForwardingObserver observer) {
    this(a, mtuA, b, mtuB, observer, Segmentation.NONE);
  }

  /** A pair whose MTU check looks at each frame's largest segment. */
  public VethHandler(InterfaceRef a, Mtu mtuA, InterfaceRef b, Mtu mtuB, ForwardingObserver observer,
      Segmentation segmentation) {
    this.segmentation = segmentation;
    this.a = a;
    this.mtuA = mtuA;
    this.b = b;
    this.mtuB = mtuB;
    this.observer = observer;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof PortFrame frame) || !(frame.port().equals(a) || frame.port().equals(b))) {
      ctx.fireChannelRead(msg);
      return;
    }
    boolean forward = frame.port().equals(a);
    InterfaceRef to = forward ? b : a;
    Mtu mtu = forward ? mtuB : mtuA;
    int size = segmentation.largestSegment(frame.content().readableBytes()) - EthernetHeader.LENGTH;
    if (size > mtu.value()) {
      observer.on(new ForwardingEvent.MtuExceeded(to, size, mtu.value(), ForwardingEvent.MtuOutcome.DROPPED_SILENTLY, 0));
      observer.on(new ForwardingEvent.Dropped(DropReason.MTU_EXCEEDED,
          size + "-byte packet is larger than the MTU " + mtu + " of " + to + "; veth drops it without ICMP"));
      frame.release();
      return;
    }
    observer.on(new ForwardingEvent.VethCrossed(frame.port(), to));
    ctx.fireChannelRead(frame.onPort(to));
  }
}
