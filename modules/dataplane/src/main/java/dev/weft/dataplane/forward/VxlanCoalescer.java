package dev.weft.dataplane.forward;

import dev.weft.dataplane.offload.TcpCoalescer;
import dev.weft.dataplane.offload.Transport;
import dev.weft.engine.packet.VxlanHeader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Receive offload for one VXLAN socket (the userspace half of UDP GRO): consecutive datagrams from one
 * sender with the same VXLAN header whose frames are consecutive segments of one TCP flow become a
 * single datagram carrying one large segment, which the handlers then forward as one batch. Everything
 * else passes through unchanged, in order: what is held goes out before anything that cannot join it.
 */
final class VxlanCoalescer {
  /** Where datagrams go on: as they came ({@code gsoSize} 0) or merged, with their segment size. */
  @FunctionalInterface
  interface Sink {
    void datagram(DatagramPacket datagram, int gsoSize);
  }

  /** A VXLAN header and the smallest frame with a TCP segment: Ethernet, IPv4 and TCP headers. */
  private static final int SMALLEST_TCP = VxlanHeader.LENGTH + 14 + 20 + 20;

  private final TcpCoalescer tcp;
  private long header;
  private InetSocketAddress sender;
  private InetSocketAddress recipient;

  VxlanCoalescer(ByteBufAllocator alloc) {
    this.tcp = new TcpCoalescer(alloc, VxlanHeader.LENGTH);
  }

  /** Takes {@code d} (owned by this call) into the held batch, or passes it on. */
  void offer(DatagramPacket d, Sink out) {
    ByteBuf c = d.content();
    int at = c.readerIndex();
    if (c.readableBytes() < SMALLEST_TCP || (c.getUnsignedByte(at) & 0x08) == 0) {
      flush(out);
      out.datagram(d, 0);
      return;
    }
    long vxlan = c.getLong(at);
    if (tcp.holding() && (vxlan != header || !same(d.sender(), sender) || !same(d.recipient(), recipient))) {
      flush(out);
    }
    c.readerIndex(at + VxlanHeader.LENGTH);
    if (tcp.extend(c)) {
      d.release();
      return;
    }
    Optional<Transport> t = Transport.of(c);
    boolean held = tcp.holding();
    TcpCoalescer.Offer offer = t.isPresent() ? tcp.offer(c, t.get()) : TcpCoalescer.Offer.ALONE;
    switch (offer) {
      case JOINED -> {
        if (!held) {
          remember(vxlan, d);
        }
        d.release();
      }
      case NEXT -> {
        flush(out);
        tcp.startWith(c, t.get());
        remember(vxlan, d);
        d.release();
      }
      case ALONE -> {
        flush(out);
        c.readerIndex(at);
        out.datagram(d, 0);
      }
    }
  }

  /** Passes on the held batch, if any. */
  void flush(Sink out) {
    Optional<TcpCoalescer.Batch> batch = tcp.take();
    if (batch.isEmpty()) {
      return;
    }
    ByteBuf frame = batch.get().frame();
    frame.readerIndex(frame.readerIndex() - VxlanHeader.LENGTH);
    frame.setLong(frame.readerIndex(), header);
    out.datagram(new DatagramPacket(frame, recipient, sender), batch.get().gsoSize());
  }

  /** Drops the held batch. */
  void close() {
    tcp.take().ifPresent(b -> b.frame().release());
  }

  /** Equal addresses; the pieces of one coalesced read share their address objects. */
  private static boolean same(InetSocketAddress a, InetSocketAddress b) {
    return a == b || a.equals(b);
  }

  private void remember(long vxlan, DatagramPacket d) {
    header = vxlan;
    sender = d.sender();
    recipient = d.recipient();
  }
}
