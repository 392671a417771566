package dev.weft.dataplane.tap;

import dev.weft.dataplane.offload.Transport;
import dev.weft.dataplane.stats.PortCounters;
import io.netty.buffer.ByteBuf;
import java.util.function.Consumer;

/** IFF_NO_PI without a virtio-net header: each read and each write is exactly one Ethernet frame. */
public record PlainTapCodec(int mtu) implements TapCodec {
  /** Ethernet header plus one VLAN tag, so an oversized frame is still read whole and then judged. */
  private static final int LINK_SLACK = 18;

  @Override
  public int readCapacity() {
    return mtu + LINK_SLACK;
  }

  @Override
  public void decode(ByteBuf read, Consumer<ByteBuf> frames, PortCounters counters) {
    frames.accept(read);
  }

  /**
   * Writes the frame, first finishing a TCP or UDP checksum that a kernel left partial: a sender with
   * checksum offload whose packet crossed only veths (no NIC) to reach the dataplane, as in containers
   * next to a kernel VXLAN device. A plain TAP cannot say "checksum pending", so it is computed here.
   */
  @Override
  public boolean encode(ByteBuf frame, RawWriter writer) {
    Transport.of(frame).filter(t -> t.partial(frame)).ifPresent(t -> t.complete(frame));
    return writer.write(frame, 1, frame.readableBytes());
  }

  @Override
  public void flush(RawWriter writer) {
    // nothing is held back
  }
}
