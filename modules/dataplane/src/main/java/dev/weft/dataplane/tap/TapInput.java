package dev.weft.dataplane.tap;

import io.netty.buffer.ByteBuf;

/** Where the frames read from TAP devices go. Called on the event loop only. */
public interface TapInput {
  /** One Ethernet frame read from {@code port}; the callee owns it. */
  void frame(TapPort port, ByteBuf frame);

  /** The end of one wake-up's reads: a good moment to flush batched writes. */
  void endOfBatch();
}
