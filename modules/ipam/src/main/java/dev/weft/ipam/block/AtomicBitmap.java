package dev.weft.ipam.block;

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A fixed-size bitmap whose bits are claimed and cleared with compare-and-set on 64-bit words, so two
 * threads can never claim the same bit: claiming is one atomic step, not a check followed by an act.
 */
public final class AtomicBitmap {
  private final AtomicLongArray words;
  private final int size;

  public AtomicBitmap(int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("bitmap size must be positive: " + size);
    }
    this.size = size;
    this.words = new AtomicLongArray((size + 63) >>> 6);
  }

  public int size() {
    return size;
  }

  /** Sets bit {@code i}; false when it was already set. */
  public boolean claim(int i) {
    check(i);
    int w = i >>> 6;
    long bit = 1L << (i & 63);
    while (true) {
      long cur = words.get(w);
      if ((cur & bit) != 0) {
        return false;
      }
      if (words.compareAndSet(w, cur, cur | bit)) {
        return true;
      }
    }
  }

  /** Clears bit {@code i}; false when it was already clear. */
  public boolean clear(int i) {
    check(i);
    int w = i >>> 6;
    long bit = 1L << (i & 63);
    while (true) {
      long cur = words.get(w);
      if ((cur & bit) == 0) {
        return false;
      }
      if (words.compareAndSet(w, cur, cur & ~bit)) {
        return true;
      }
    }
  }

  public boolean get(int i) {
    check(i);
    return (words.get(i >>> 6) & (1L << (i & 63))) != 0;
  }

  /** Claims the first clear bit at or after {@code from}, wrapping around; empty when all are set. */
  public OptionalInt claimFirstClear(int from) {
    int start = Math.floorMod(from, size);
    for (int n = 0; n < words.length() + 1; n++) {
      int w = ((start >>> 6) + n) % words.length();
      while (true) {
        long cur = words.get(w);
        long free = ~cur & validMask(w);
        if (n == 0) {
          free &= -1L << (start & 63); // first word: only bits at or after start
        }
        if (free == 0) {
          break;
        }
        long bit = Long.lowestOneBit(free);
        if (words.compareAndSet(w, cur, cur | bit)) {
          return OptionalInt.of((w << 6) + Long.numberOfTrailingZeros(bit));
        }
      }
    }
    // the bits of the first word before start are covered by the wrap-around pass (n == words.length())
    return OptionalInt.empty();
  }

  public int cardinality() {
    int c = 0;
    for (int w = 0; w < words.length(); w++) {
      c += Long.bitCount(words.get(w));
    }
    return c;
  }

  private long validMask(int w) {
    int bitsInWord = Math.min(64, size - (w << 6));
    return bitsInWord == 64 ? -1L : (1L << bitsInWord) - 1;
  }

  private void check(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("bit " + i + " of " + size);
    }
  }
}
