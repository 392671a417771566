package dev.weft.sim.run;

import dev.weft.sim.fabric.DeviceId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.HashSet;
import java.util.Set;

/**
 * Notices a packet arriving where it has been before. The key is the device, the port and the bytes with
 * the outermost TTL (or hop limit) and IPv4 checksum blanked, so a packet circling a routing loop matches
 * its earlier self even though each router decremented its TTL; a broadcast storm in a bridge loop
 * matches exactly.
 */
final class LoopGuard {
  private record Key(DeviceId device, String port, boolean outbound, String envelope, long hash, int length) {}

  private final Set<Key> seen = new HashSet<>();

  /**
   * Records the arrival; true when an identical one was recorded before. {@code envelope} names what the
   * bytes do not carry themselves, such as the remote VTEP of a tunnel datagram: head-end replication
   * sends the same payload to every remote, and those copies are not a loop.
   */
  boolean revisit(DeviceId device, String port, boolean outbound, String envelope, ByteBuf bytes, int ipOffset) {
    return !seen.add(new Key(device, port, outbound, envelope, hash(bytes, ipOffset), bytes.readableBytes()));
  }

  /**
   * A 64-bit FNV-1a hash of the bytes, skipping the mutable IP fields at {@code ipOffset} (or none when
   * it is negative).
   */
  static long hash(ByteBuf b, int ipOffset) {
    int version = ipOffset >= 0 && b.readableBytes() > ipOffset ? b.getUnsignedByte(b.readerIndex() + ipOffset) >>> 4 : 0;
    // one bulk read: a leak-aware buffer (paranoid in tests) records a stack trace per accessor call
    byte[] bytes = ByteBufUtil.getBytes(b, b.readerIndex(), b.readableBytes(), false);
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < b.readableBytes(); i++) {
      int rel = i - ipOffset;
      boolean skip = (version == 4 && (rel == 8 || rel == 10 || rel == 11)) || (version == 6 && rel == 7);
      int v = skip ? 0 : bytes[i] & 0xff;
      h = (h ^ v) * 0x100000001b3L;
    }
    return h;
  }
}
