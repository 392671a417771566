package dev.weft.dataplane.tap;

import dev.weft.dataplane.stats.PortCounters;
import io.netty.buffer.ByteBuf;
import java.util.function.Consumer;

/**
 * How bytes on a TAP descriptor become Ethernet frames and back: one frame per read and write
 * ({@link PlainTapCodec}), or virtio-net framing with segmentation offload, which
 * splits the kernel's large TCP segments into MTU-sized frames on read and merges consecutive segments
 * of a flow back into one on write. Either way the forwarding handlers only ever see ordinary frames.
 */
public sealed interface TapCodec permits PlainTapCodec, VnetTapCodec {

  /** Writes bytes to the descriptor; {@code frames} and {@code frameBytes} are what the bytes carry. */
  @FunctionalInterface
  interface RawWriter {
    boolean write(ByteBuf bytes, int frames, int frameBytes);
  }

  /** How large a read buffer must be. */
  int readCapacity();

  /** Turns one read (owned by this call) into frames handed to {@code frames}, which own them. */
  void decode(ByteBuf read, Consumer<ByteBuf> frames, PortCounters counters);

  /** Writes or holds back one frame; the caller keeps ownership of {@code frame}. */
  boolean encode(ByteBuf frame, RawWriter writer);

  /** Writes whatever {@link #encode} held back. */
  void flush(RawWriter writer);
}
