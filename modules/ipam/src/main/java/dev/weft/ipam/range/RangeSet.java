package dev.weft.ipam.range;

import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The ranges one address is taken from (host-local's "range set"); one family, no overlaps. */
public record RangeSet(List<IpRange> ranges) {

  public RangeSet {
    ranges = List.copyOf(ranges);
    if (ranges.isEmpty()) {
      throw new IllegalArgumentException("a range set needs at least one range");
    }
    IpFamily family = ranges.getFirst().family();
    for (int i = 0; i < ranges.size(); i++) {
      if (ranges.get(i).family() != family) {
        throw new IllegalArgumentException("range set mixes IPv4 and IPv6: " + ranges);
      }
      for (int j = i + 1; j < ranges.size(); j++) {
        if (ranges.get(i).overlaps(ranges.get(j))) {
          throw new IllegalArgumentException("ranges " + ranges.get(i) + " and " + ranges.get(j) + " overlap");
        }
      }
    }
  }

  public static RangeSet of(IpRange... ranges) {
    return new RangeSet(List.of(ranges));
  }

  public IpFamily family() {
    return ranges.getFirst().family();
  }

  public Optional<IpRange> rangeFor(IpAddress ip) {
    for (IpRange r : ranges) {
      if (r.contains(ip)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  public boolean contains(IpAddress ip) {
    return rangeFor(ip).isPresent();
  }

  /** How many addresses the set can hand out; {@code Long.MAX_VALUE} when more than a long holds. */
  public long capacity() {
    long n = 0;
    for (IpRange r : ranges) {
      long c = r.capacity();
      if (c == Long.MAX_VALUE || n + c < n) {
        return Long.MAX_VALUE;
      }
      n += c;
    }
    return n;
  }

  public boolean overlaps(RangeSet other) {
    for (IpRange a : ranges) {
      for (IpRange b : other.ranges) {
        if (a.overlaps(b)) {
          return true;
        }
      }
    }
    return false;
  }

  /** host-local's text for a range set, used in messages: the ranges joined by ','. */
  @Override
  public String toString() {
    return ranges.stream().map(r -> r.start() + "-" + r.end()).collect(Collectors.joining(","));
  }
}
