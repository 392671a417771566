package dev.weft.ipam.range;

import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;

/** Address arithmetic on the two-long form, without BigInteger: allocators step through ranges a lot. */
public final class Addresses {
  private Addresses() {}

  /** The next address; wraps to zero at the end of the family's space (callers stop at range ends). */
  public static IpAddress next(IpAddress a) {
    if (a.family() == IpFamily.IPV4) {
      return IpAddress.ipv4((int) (a.low() + 1));
    }
    long low = a.low() + 1;
    long high = low == 0 ? a.high() + 1 : a.high();
    return IpAddress.ipv6(high, low);
  }

  /** The previous address (wrapping). */
  public static IpAddress previous(IpAddress a) {
    if (a.family() == IpFamily.IPV4) {
      return IpAddress.ipv4((int) (a.low() - 1));
    }
    long high = a.low() == 0 ? a.high() - 1 : a.high();
    return IpAddress.ipv6(high, a.low() - 1);
  }

  /** {@code b - a} when it fits a long and is not negative; -1 otherwise. */
  public static long distance(IpAddress a, IpAddress b) {
    if (a.family() != b.family() || a.compareTo(b) > 0) {
      return -1;
    }
    if (a.family() == IpFamily.IPV4) {
      return b.low() - a.low();
    }
    long lowDiff = b.low() - a.low();
    long highDiff = b.high() - a.high() - (Long.compareUnsigned(b.low(), a.low()) < 0 ? 1 : 0);
    return highDiff == 0 && lowDiff >= 0 ? lowDiff : -1;
  }

  /** {@code a + offset} for a non-negative offset (wrapping like {@link #next}). */
  public static IpAddress plus(IpAddress a, long offset) {
    if (a.family() == IpFamily.IPV4) {
      return IpAddress.ipv4((int) (a.low() + offset));
    }
    long low = a.low() + offset;
    long high = Long.compareUnsigned(low, a.low()) < 0 ? a.high() + 1 : a.high();
    return IpAddress.ipv6(high, low);
  }
}
