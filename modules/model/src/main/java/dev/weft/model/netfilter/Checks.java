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

  private static final long LIMIT_SCALE = 10_000;
  private static final long[] UNIT_SECONDS = {86_400, 3_600, 60, 1};
  private static final String[] UNIT_NAMES = {"day", "hour", "min", "sec"};

  /**
   * A limit rate as iptables prints it back: the kernel keeps only the period (XT_LIMIT_SCALE * unit
   * seconds / count), and libxt_limit's print_rate picks the unit from that period.
   */
  static String limitRate(String rate) {
    int slash = rate.indexOf('/');
    long count = Long.parseLong(slash < 0 ? rate : rate.substring(0, slash));
    String unit = slash < 0 ? "sec" : rate.substring(slash + 1);
    long seconds = switch (unit) {
      case "d", "day" -> 86_400;
      case "h", "hour" -> 3_600;
      case "m", "min", "minute" -> 60;
      default -> 1;
    };
    long period = LIMIT_SCALE * seconds / count;
    if (period == 0) {
      throw new InvalidValueException("limit", rate, "a rate of at most 10000/sec");
    }
    int i = 1;
    for (; i < UNIT_SECONDS.length; i++) {
      long mult = LIMIT_SCALE * UNIT_SECONDS[i];
      if (period > mult || mult / period < mult % period) {
        break;
      }
    }
    return (LIMIT_SCALE * UNIT_SECONDS[i - 1] / period) + "/" + UNIT_NAMES[i - 1];
  }
}
