package dev.weft.engine.l3;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.event.ForwardingObserver;
import dev.weft.engine.message.ArpMessage;
import dev.weft.engine.message.NeighborUpdate;
import dev.weft.engine.message.PortFrame;
import dev.weft.engine.packet.ArpPacket;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.InstantSource;

/**
 * ARP for a stack. Like Linux with arp_ignore=0, it answers requests for any address of the namespace on
 * whichever interface they arrive; it learns the sender of requests and replies aimed at it and tells the
 * neighbour resolver, which releases the packets that were waiting.
 */
public final class ArpHandler extends ChannelInboundHandlerAdapter {
  private final StackConfig.Index stack;
  private final NeighborTable neighbors;
  private final InstantSource clock;
  private final ForwardingObserver observer;

  public ArpHandler(StackConfig.Index stack, NeighborTable neighbors, InstantSource clock, ForwardingObserver observer) {
    this.stack = stack;
    this.neighbors = neighbors;
    this.clock = clock;
    this.observer = observer;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ArpMessage m)) {
      ctx.fireChannelRead(msg);
      return;
    }
    ArpPacket arp = m.arp();
    if (!stack.isLocal(arp.targetIp()) || arp.targetIp().isLoopback()) {
      observer.on(new ForwardingEvent.Dropped(DropReason.NOT_FOR_US, arp.summary() + ": not an address of "
          + stack.config().namespace()));
      return;
    }
    StackInterface iface = stack.require(m.port());
    neighbors.learn(new NeighborTable.Key(m.port(), arp.senderIp()), arp.senderMac(), clock.instant());
    if (arp.operation() == ArpPacket.REQUEST) {
      observer.on(new ForwardingEvent.NeighborAnswered(m.port(), arp.targetIp(), arp.senderIp()));
      ctx.fireChannelRead(new PortFrame(m.port(), NeighborMessages.arpReply(ctx.alloc(), arp, iface.mac())));
    }
    ctx.fireChannelRead(new NeighborUpdate(m.port(), arp.senderIp(), arp.senderMac()));
  }
}
