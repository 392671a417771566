package dev.weft.model.netfilter;

import dev.weft.model.value.InvalidValueException;
import dev.weft.model.value.PortRange;
import java.util.List;

/** Value checks shared by several matches and targets. */
final class Checks {
  static final long MARK_BITS = 0xffff_ffffL;

  private Checks() {}

  /** One range, or a multiport list of at most 15 ports where a range counts as two. */
  static List<PortRange> ports(List<PortRange> ranges) {
    int slots = ranges.stream().mapToInt(r -> r.isSingle() ? 1 : 2).sum();
    if (ranges.isEmpty() || (ranges.size() > 1 && slots > 15)) {
      throw new InvalidValueException("port list", ranges.toString(),
          "one range, or at most 15 ports for multiport (a range counts as two)");
    }
    return List.copyOf(ranges);
  }

  static void mark(long value, long mask) {
    if (value < 0 || value > MARK_BITS || mask < 0 || mask > MARK_BITS) {
      throw new InvalidValueException("mark", "0x" + Long.toHexString(value) + "/0x" + Long.toHexString(mask),
          "a 32-bit value and mask");
    }
  }

  /** IPSET_MAXNAMELEN is 32 including the terminating NUL. */
  static void setName(String name) {
    if (name.isEmpty() || name.length() > 31 || name.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
      throw new InvalidValueException("ipset name", name, "1 to 31 printable characters without spaces");
    }
  }
}
