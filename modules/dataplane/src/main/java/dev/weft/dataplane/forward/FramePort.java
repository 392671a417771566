package dev.weft.dataplane.forward;

import dev.weft.dataplane.stats.PortCounters;
import io.netty.buffer.ByteBuf;

/** Where the switchboard writes a pod's frames: its TAP, or a test's stand-in. */
public interface FramePort {
  PortCounters counters();

  /**
   * Writes one frame, or a TCP segmentation batch of {@code gsoSize}-byte segments (0: one frame), taking
   * ownership; false when the port refused it (counted by the port).
   */
  boolean write(ByteBuf frame, int gsoSize);

  /** Ends a batch of writes. */
  void flush();
}
