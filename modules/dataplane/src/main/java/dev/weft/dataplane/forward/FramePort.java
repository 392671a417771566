package dev.weft.dataplane.forward;

import dev.weft.dataplane.stats.PortCounters;
import io.netty.buffer.ByteBuf;

/** Where the switchboard writes a pod's frames: its TAP, or a test's stand-in. */
public interface FramePort {
  PortCounters counters();

  /** Writes one frame, taking ownership; false when the port refused it (counted by the port). */
  boolean write(ByteBuf frame);

  /** Ends a batch of writes. */
  void flush();
}
