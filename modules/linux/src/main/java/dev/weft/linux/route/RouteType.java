package dev.weft.linux.route;

import java.util.Arrays;
import java.util.Optional;

/** rtm_type values (RTN_* in linux/rtnetlink.h) a route spec may use or a dump may report. */
public enum RouteType {
  UNICAST(1),
  LOCAL(2),
  BROADCAST(3),
  ANYCAST(4),
  MULTICAST(5),
  BLACKHOLE(6),
  UNREACHABLE(7),
  PROHIBIT(8),
  THROW(9);

  private final int value;

  RouteType(int value) {
    this.value = value;
  }

  public int value() {
    return value;
  }

  public static Optional<RouteType> of(int value) {
    return Arrays.stream(values()).filter(t -> t.value == value).findFirst();
  }
}
