package dev.weft.dataplane.tap;

import io.netty.buffer.ByteBuf;

/** Where the frames read from TAP devices go. Called on the event loop only. */
public interface TapInput {
  /**
   * One Ethernet frame read from {@code port}, or a TCP segmentation batch of {@code gsoSize}-byte
   * segments (0: one frame); the callee owns it.
   */
  void frame(TapPort port, ByteBuf frame, int gsoSize);

  /** The end of one wake-up's reads: a good moment to flush batched writes. */
  void endOfBatch();
}
