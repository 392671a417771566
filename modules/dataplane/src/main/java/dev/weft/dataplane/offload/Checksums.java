package dev.weft.dataplane.offload;

import io.netty.buffer.ByteBuf;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * A fast Internet checksum sum for the per-byte paths (completing offloaded checksums, segmenting TCP,
 * verifying merged segments): 8 bytes per step through a little-endian view, each step's two 32-bit
 * halves added into a 64-bit accumulator that cannot overflow (no carry to test per step), folded at the
 * end. Adding wider words and folding gives the same ones' complement sum as adding 16-bit words (RFC
 * 1071, section 2); reading little-endian words yields the byte-swapped sum, which is swapped back once
 * at the end. The bytes are read through a memory segment ({@link BufferViews}): the per-access
 * reference-count and index checks of {@code ByteBuf} cost more than the sum itself.
 */
public final class Checksums {
  private static final ValueLayout.OfLong LONG_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  /** 2^32 additions of 33-bit values stay below 2^64; lengths are ints, so far fewer happen. */
  private static final long LOW = 0xffff_ffffL;

  private Checksums() {}

  /** Adds {@code length} bytes at {@code index} to an unfolded sum; agrees with the engine's InternetChecksum. */
  public static long add(long sum, ByteBuf buf, int index, int length) {
    if (index < 0 || length < 0 || index > buf.capacity() - length) {
      throw new IndexOutOfBoundsException("index " + index + ", length " + length + ", capacity " + buf.capacity());
    }
    return buf.hasMemoryAddress()
        ? sumAt(sum, buf.memoryAddress() + index, length)
        : sumOf(sum, MemorySegment.ofBuffer(buf.nioBuffer(index, length)), length);
  }

  /** Adds {@code length} bytes of {@code m} from {@code offset} to an unfolded sum. */
  public static long add(long sum, MemorySegment m, long offset, int length) {
    MemorySegment bytes = m.asSlice(offset, length);
    return bytes.isNative() ? sumAt(sum, bytes.address(), length) : sumOf(sum, bytes, length);
  }

  /**
   * The sum over native memory. The view is made here and the loop is inlined into this small method,
   * so the compiler sees the view whole. With one larger method taking views from every caller, cutting
   * a batch was half as fast (JMH) and the sums took over twice the dataplane's time (bench/RESULTS.md).
   */
  private static long sumAt(long sum, long address, int length) {
    return sumOf(sum, MemorySegment.ofAddress(address).reinterpret(length), length);
  }

  private static long sumOf(long sum, MemorySegment m, int length) {
    int words = length & ~7;
    long folded = fold(lanes(m, words));
    return sum + ((folded & 0xff) << 8 | folded >>> 8) + tail(m, words, length);
  }

  /** The 8-byte words before {@code end}, as 32-bit lanes, unfolded. */
  private static long lanes(MemorySegment m, int end) {
    long acc = 0;
    for (int i = 0; i < end; i += 8) {
      long v = m.get(LONG_LE, i);
      acc += (v & LOW) + (v >>> 32);
    }
    return acc;
  }

  /** The last bytes (fewer than 8), as big-endian 16-bit words, an odd byte padded with zero. */
  private static long tail(MemorySegment m, int from, int length) {
    long tail = 0;
    int i = from;
    for (; i <= length - 2; i += 2) {
      tail += (m.get(ValueLayout.JAVA_BYTE, i) & 0xff) << 8 | (m.get(ValueLayout.JAVA_BYTE, i + 1) & 0xff);
    }
    if (i < length) {
      tail += (m.get(ValueLayout.JAVA_BYTE, i) & 0xff) << 8;
    }
    return tail;
  }

  /** Folds a sum of 32-bit lanes to 16 bits (the ones' complement sum of its 16-bit lanes). */
  private static long fold(long acc) {
    long s = (acc & LOW) + (acc >>> 32);
    while ((s >>> 16) != 0) {
      s = (s & 0xffff) + (s >>> 16);
    }
    return s;
  }
}
