package dev.weft.engine.tunnel;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.event.ForwardingObserver;
import dev.weft.engine.message.PortFrame;
import dev.weft.engine.packet.EthernetHeader;
import dev.weft.engine.packet.PacketException;
import dev.weft.engine.packet.VxlanHeader;
import dev.weft.model.value.IpAddress;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import java.time.InstantSource;
import java.util.Optional;

/**
 * VXLAN decapsulation: a datagram for the device's VNI yields its inner frame on the device; a learning
 * device records which remote the inner source MAC lives behind. Other VNIs are not this device's.
 */
public final class VxlanDecapHandler extends ChannelInboundHandlerAdapter {
  private final VxlanConfig config;
  private final VxlanForwardingTable table;
  private final InstantSource clock;
  private final ForwardingObserver observer;

  public VxlanDecapHandler(VxlanConfig config, VxlanForwardingTable table, InstantSource clock, ForwardingObserver observer) {
    this.config = config;
    this.table = table;
    this.clock = clock;
    this.observer = observer;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof DatagramPacket d)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      ByteBuf in = d.content().duplicate();
      VxlanHeader header = VxlanHeader.decode(in);
      if (!header.vni().equals(config.vni())) {
        observer.on(new ForwardingEvent.Dropped(DropReason.UNKNOWN_TUNNEL,
            "VNI " + header.vni() + " is not " + config.device() + "'s VNI " + config.vni()));
        return;
      }
      EthernetHeader inner = EthernetHeader.decode(in.duplicate());
      IpAddress remote = IpAddress.fromBytes(d.sender().getAddress().getAddress());
      IpAddress local = IpAddress.fromBytes(d.recipient().getAddress().getAddress());
      observer.on(new ForwardingEvent.Decapsulated(config.device(), ForwardingEvent.TunnelType.VXLAN,
          Optional.of((long) header.vni().value()), remote, local));
      if (config.learning() && table.learn(inner.source(), remote, clock.instant())) {
        observer.on(new ForwardingEvent.TunnelLearned(config.device(), inner.source(), remote));
      }
      ctx.fireChannelRead(new PortFrame(config.device(), in.retainedSlice()));
    } catch (PacketException e) {
      observer.on(new ForwardingEvent.Dropped(DropReason.unparsable(e), e.getMessage()));
    } finally {
      d.release();
    }
  }
}
