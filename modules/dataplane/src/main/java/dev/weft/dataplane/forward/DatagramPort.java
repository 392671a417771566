package dev.weft.dataplane.forward;

import dev.weft.dataplane.stats.PortCounters;
import io.netty.buffer.ByteBuf;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;

/** Where the switchboard sends tunnel datagrams: an underlay socket, or a test's stand-in. */
public interface DatagramPort {
  PortCounters counters();

  /** Queues one datagram, taking ownership; false when the socket refused it (counted by the port). */
  boolean send(DatagramPacket datagram);

  /**
   * Queues datagrams laid end to end in {@code segments} (taking ownership), each {@code stride} bytes
   * but the last, which may be shorter: what UDP segmentation offload sends from one buffer. Without it,
   * each is sent on its own.
   */
  default boolean sendSegments(ByteBuf segments, int stride, InetSocketAddress recipient) {
    boolean ok = true;
    try {
      for (int at = segments.readerIndex(); at < segments.writerIndex(); at += stride) {
        ok &= send(new DatagramPacket(segments.retainedSlice(at, Math.min(stride, segments.writerIndex() - at)), recipient));
      }
    } finally {
      segments.release();
    }
    return ok;
  }

  /** Hands the queued datagrams to the kernel (one sendmmsg). */
  void flush();
}
