package dev.weft.sim.run;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.time.Instant;

/** Where the frames crossing each link are captured. */
public interface PcapSink {
  PcapSink NONE = (link, at, frame) -> { };

  /** Records one frame (not consumed) as seen on {@code link}. */
  void frame(String link, Instant at, ByteBuf frame) throws IOException;
}
