package dev.weft.dataplane.offload;

import io.netty.buffer.ByteBuf;
import java.lang.foreign.MemorySegment;

/**
 * Bytes of a buffer as a memory segment, for the per-byte loops of offload (checksums, segment copies,
 * header comparison): one bounds check per view instead of a reference-count and index check per
 * {@code ByteBuf} access, which on JDK 25 (Netty without {@code sun.misc.Unsafe}) cost more than the work.
 */
public final class BufferViews {
  private BufferViews() {}

  /**
   * The {@code length} bytes at {@code index}: over a direct buffer's address (not checked against the
   * buffer's bounds here: the caller checks), else over an NIO view of the buffer.
   */
  public static MemorySegment of(ByteBuf buf, int index, int length) {
    return buf.hasMemoryAddress()
        ? MemorySegment.ofAddress(buf.memoryAddress() + index).reinterpret(length)
        : MemorySegment.ofBuffer(buf.nioBuffer(index, length));
  }
}
