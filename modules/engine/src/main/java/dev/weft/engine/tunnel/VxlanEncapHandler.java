package dev.weft.engine.tunnel;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.event.ForwardingObserver;
import dev.weft.engine.message.PortFrame;
import dev.weft.engine.packet.EtherType;
import dev.weft.engine.packet.EthernetHeader;
import dev.weft.engine.packet.VxlanHeader;
import dev.weft.model.value.IpAddress;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.Optional;

/**
 * VXLAN encapsulation (RFC 7348): a frame written to the device becomes one UDP datagram per chosen
 * remote VTEP, each carrying the VXLAN header and the frame. The UDP source port is a hash of the inner
 * frame's addresses in the ephemeral range, as Linux does, so that the underlay can spread flows.
 */
public final class VxlanEncapHandler extends ChannelOutboundHandlerAdapter {
  private static final int SOURCE_PORT_MIN = 32768;
  private static final int SOURCE_PORT_SPAN = 61000 - SOURCE_PORT_MIN;

  private final VxlanConfig config;
  private final VxlanForwardingTable table;
  private final InstantSource clock;
  private final ForwardingObserver observer;

  public VxlanEncapHandler(VxlanConfig config, VxlanForwardingTable table, InstantSource clock, ForwardingObserver observer) {
    this.config = config;
    this.table = table;
    this.clock = clock;
    this.observer = observer;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (!(msg instanceof PortFrame frame) || !frame.port().equals(config.device())) {
      ctx.write(msg, promise);
      return;
    }
    try {
      ByteBuf inner = frame.content();
      var selection = table.select(EthernetHeader.destinationAt(inner, inner.readerIndex()), clock.instant());
      if (selection.remotes().isEmpty()) {
        observer.on(new ForwardingEvent.Dropped(DropReason.NEIGHBOR_UNREACHABLE, config.device() + ": " + selection.reason()));
      }
      int sourcePort = SOURCE_PORT_MIN + Math.floorMod(flowHash(inner), SOURCE_PORT_SPAN);
      VxlanHeader header = new VxlanHeader(config.vni());
      boolean inPlace = selection.remotes().size() == 1 && hasOwnHeadroom(inner);
      for (IpAddress remote : selection.remotes()) {
        ByteBuf out;
        if (inPlace) {
          out = prepend(header, inner);
        } else {
          out = ctx.alloc().buffer(VxlanHeader.LENGTH + inner.readableBytes());
          header.encode(out);
          out.writeBytes(inner, inner.readerIndex(), inner.readableBytes());
        }
        observer.on(new ForwardingEvent.Encapsulated(config.device(), ForwardingEvent.TunnelType.VXLAN,
            Optional.of((long) config.vni().value()), config.local(), remote, selection.reason()));
        ctx.write(new DatagramPacket(out, socket(remote, config.port()), socket(config.local(), sourcePort)));
      }
      promise.trySuccess();
    } finally {
      frame.release();
    }
  }

  /**
   * Whether the header can go into the bytes before the frame, in the frame's own buffer (the kernel's
   * skb_cow_head): a root buffer (not a slice or a wrapper of another's bytes), held by this frame alone,
   * with room before the frame, as a TAP read leaves it after its virtio-net header. A 64 KiB batch is
   * then not copied to be encapsulated.
   */
  private static boolean hasOwnHeadroom(ByteBuf frame) {
    return frame.refCnt() == 1 && unwrapLeakDetection(frame).unwrap() == null && !frame.isReadOnly()
        && frame.readerIndex() >= VxlanHeader.LENGTH;
  }

  /** The buffer under a leak detector's wrapper, which shares its bytes with no one else; others as they are. */
  private static ByteBuf unwrapLeakDetection(ByteBuf b) {
    return b.getClass().getSimpleName().endsWith("LeakAwareByteBuf") ? b.unwrap() : b;
  }

  /** Writes {@code header} just before the frame and returns its buffer, retained, starting at the header. */
  private static ByteBuf prepend(VxlanHeader header, ByteBuf frame) {
    int end = frame.writerIndex();
    int at = frame.readerIndex() - VxlanHeader.LENGTH;
    frame.readerIndex(at).writerIndex(at);
    header.encode(frame);
    return frame.writerIndex(end).retain();
  }

  /**
   * A hash of the inner flow (MACs, and for IP the protocol, addresses and ports): stable per flow,
   * different between flows, blind to fields that change per packet such as length and TTL.
   */
  static int flowHash(ByteBuf frame) {
    int at = frame.readerIndex();
    int h = hash(17, frame, at, EthernetHeader.LENGTH);
    int ip = at + EthernetHeader.LENGTH;
    int type = frame.getUnsignedShort(at + 12);
    if (type == EtherType.IPV4 && frame.readableBytes() >= EthernetHeader.LENGTH + 20) {
      h = hash(h, frame, ip + 9, 1);
      h = hash(h, frame, ip + 12, 8);
      if (frame.readableBytes() >= EthernetHeader.LENGTH + 24) {
        h = hash(h, frame, ip + 20, 4);
      }
    } else if (type == EtherType.IPV6 && frame.readableBytes() >= EthernetHeader.LENGTH + 40) {
      h = hash(h, frame, ip + 6, 1);
      h = hash(h, frame, ip + 8, 32);
    }
    return h;
  }

  private static int hash(int h, ByteBuf b, int from, int length) {
    for (int i = from; i < from + length; i++) {
      h = 31 * h + b.getByte(i);
    }
    return h;
  }

  static InetSocketAddress socket(IpAddress address, int port) {
    return new InetSocketAddress(address.toInetAddress(), port);
  }
}
