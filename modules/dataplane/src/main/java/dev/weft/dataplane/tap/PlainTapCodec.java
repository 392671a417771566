package dev.weft.dataplane.tap;

import dev.weft.dataplane.offload.TcpSegmenter;
import dev.weft.dataplane.offload.Transport;
import dev.weft.dataplane.stats.PortCounters;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Optional;

/** IFF_NO_PI without a virtio-net header: each read and each write is exactly one Ethernet frame. */
public record PlainTapCodec(int mtu, ByteBufAllocator alloc) implements TapCodec {
  /** Ethernet header plus one VLAN tag, so an oversized frame is still read whole and then judged. */
  private static final int LINK_SLACK = 18;

  public PlainTapCodec(int mtu) {
    this(mtu, ByteBufAllocator.DEFAULT);
  }

  @Override
  public int readCapacity() {
    return mtu + LINK_SLACK;
  }

  @Override
  public void decode(ByteBuf read, FrameSink frames, PortCounters counters) {
    frames.frame(read, 0);
  }

  /**
   * Writes the frame, first finishing a TCP or UDP checksum that a kernel left partial: a sender with
   * checksum offload whose packet crossed only veths (no NIC) to reach the dataplane, as in containers
   * next to a kernel VXLAN device. A plain TAP cannot say "checksum pending", so it is computed here,
   * and a segmentation batch is cut into its segments here.
   */
  @Override
  public boolean encode(ByteBuf frame, int gsoSize, RawWriter writer) {
    Optional<Transport> t = Transport.of(frame);
    if (t.isPresent() && t.get().tcpBatch(frame, gsoSize)) {
      boolean ok = true;
      List<ByteBuf> pieces = TcpSegmenter.segment(frame, t.get(), gsoSize, alloc);
      for (ByteBuf piece : pieces) {
        try {
          ok &= writer.write(Unpooled.EMPTY_BUFFER, piece, 1);
        } finally {
          piece.release();
        }
      }
      return ok;
    }
    t.filter(x -> x.partial(frame)).ifPresent(x -> x.complete(frame));
    return writer.write(Unpooled.EMPTY_BUFFER, frame, 1);
  }

  @Override
  public void flush(RawWriter writer) {
    // nothing is held back
  }

  @Override
  public void close() {
    // nothing is held
  }
}
