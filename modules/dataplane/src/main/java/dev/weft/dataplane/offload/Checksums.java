package dev.weft.dataplane.offload;

import io.netty.buffer.ByteBuf;

/**
 * A fast Internet checksum sum for the per-byte paths (completing offloaded checksums, segmenting TCP):
 * 8 bytes per step through a little-endian view. Adding 64-bit words with end-around carry, then folding,
 * gives the same ones' complement sum as adding 16-bit words (RFC 1071, section 2); reading little-endian
 * words yields the byte-swapped sum, which is swapped back once at the end (the sum is byte-order
 * independent up to that swap).
 */
public final class Checksums {
  private Checksums() {}

  /** Adds {@code length} bytes at {@code index} to an unfolded sum; agrees with the engine's InternetChecksum. */
  public static long add(long sum, ByteBuf buf, int index, int length) {
    long acc = 0;
    int i = index;
    int end = index + length;
    while (end - i >= 8) {
      long before = acc;
      acc += buf.getLongLE(i);
      if (Long.compareUnsigned(acc, before) < 0) {
        acc++;
      }
      i += 8;
    }
    long folded = fold(acc);
    long tail = 0;
    if (end - i >= 4) {
      tail += buf.getUnsignedInt(i);
      i += 4;
    }
    if (end - i >= 2) {
      tail += buf.getUnsignedShort(i);
      i += 2;
    }
    if (i < end) {
      tail += buf.getUnsignedByte(i) << 8;
    }
    return sum + ((folded & 0xff) << 8 | folded >>> 8) + tail;
  }

  /** Folds 64 bits of end-around-carry sum to 16 (the ones' complement sum of the four 16-bit lanes). */
  private static long fold(long acc) {
    long s = (acc & 0xffff_ffffL) + (acc >>> 32);
    while ((s >>> 16) != 0) {
      s = (s & 0xffff) + (s >>> 16);
    }
    return s;
  }
}
