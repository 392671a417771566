package dev.weft.dataplane.tap;

import dev.weft.dataplane.stats.PortCounters;
import io.netty.buffer.ByteBuf;

/**
 * How bytes on a TAP descriptor become Ethernet frames and back: one frame per read and write
 * ({@link PlainTapCodec}), or virtio-net framing with segmentation offload ({@link VnetTapCodec}), where
 * a read may be a TCP segmentation batch of up to 64 KiB, which goes on whole with its segment size, and
 * a write may be one (taken as it is by the pod's kernel) or consecutive segments merged into one.
 */
public sealed interface TapCodec permits PlainTapCodec, VnetTapCodec {

  /** Receives decoded frames, which it owns; {@code gsoSize} is a batch's segment size, 0 for one frame. */
  @FunctionalInterface
  interface FrameSink {
    void frame(ByteBuf frame, int gsoSize);
  }

  /**
   * Writes to the descriptor: {@code header} (possibly empty) and then {@code frame}, in one write;
   * {@code frames} is how many frames the bytes carry. Neither buffer is released.
   */
  @FunctionalInterface
  interface RawWriter {
    boolean write(ByteBuf header, ByteBuf frame, int frames);
  }

  /** How large a read buffer must be. */
  int readCapacity();

  /** Turns one read (owned by this call) into frames handed to {@code frames}. */
  void decode(ByteBuf read, FrameSink frames, PortCounters counters);

  /**
   * Writes or holds back one frame, or a batch of {@code gsoSize}-byte TCP segments (0: one frame); the
   * caller keeps ownership of {@code frame}, whose checksum fields may be rewritten.
   */
  boolean encode(ByteBuf frame, int gsoSize, RawWriter writer);

  /** Writes whatever {@link #encode} held back. */
  void flush(RawWriter writer);

  /** Releases what the codec holds (a held-back batch is dropped). */
  void close();
}
