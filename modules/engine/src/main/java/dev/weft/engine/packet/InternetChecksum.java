package dev.weft.engine.packet;

import dev.weft.model.value.IpAddress;
import io.netty.buffer.ByteBuf;

/**
 * The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of 16-bit words.
 * Partial sums are kept in a {@code long} and folded once at the end; because 2^16 is 1 modulo 0xffff,
 * adding 32-bit words and folding later gives the same result as adding 16-bit words one by one.
 */
public final class InternetChecksum {
  private InternetChecksum() {}

  /** Adds {@code length} bytes at {@code index}; an odd last byte counts as its word's high half. */
  public static long add(long sum, ByteBuf buf, int index, int length) {
    int i = index;
    int end = index + length;
    while (end - i >= 4) {
      sum += buf.getUnsignedInt(i);
      i += 4;
    }
    if (end - i >= 2) {
      sum += buf.getUnsignedShort(i);
      i += 2;
    }
    if (i < end) {
      sum += buf.getUnsignedByte(i) << 8;
    }
    return sum;
  }

  public static long add(long sum, IpAddress address) {
    if (address.isIpv4()) {
      return sum + (address.low() & 0xffff_ffffL);
    }
    return sum + (address.high() >>> 32) + (address.high() & 0xffff_ffffL)
        + (address.low() >>> 32) + (address.low() & 0xffff_ffffL);
  }

  /**
   * The pseudo-header sum TCP, UDP and ICMPv6 include (RFC 793, RFC 8200 section 8.1). The IPv4 and IPv6
   * layouts differ only in field widths, which do not change a ones' complement sum.
   */
  public static long pseudoHeader(IpAddress source, IpAddress destination, int protocol, int length) {
    return add(add(0, source), destination) + protocol + length;
  }

  /** Folds a partial sum and complements it: the value to store in a checksum field. */
  public static int finish(long sum) {
    while ((sum >>> 16) != 0) {
      sum = (sum & 0xffff) + (sum >>> 16);
    }
    return (int) (~sum & 0xffff);
  }

  /** Whether data that includes its own checksum field sums to all ones (so {@link #finish} gives 0). */
  public static boolean verifies(long sum) {
    return finish(sum) == 0;
  }
}
