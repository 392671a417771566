package dev.weft.linux.route;

/** rtm_scope values (RT_SCOPE_* in linux/rtnetlink.h). */
public enum RouteScope {
  UNIVERSE(0),
  SITE(200),
  LINK(253),
  HOST(254),
  NOWHERE(255);

  private final int value;

  RouteScope(int value) {
    this.value = value;
  }

  public int value() {
    return value;
  }

  public static RouteScope of(int value) {
    for (RouteScope s : values()) {
      if (s.value == value) {
        return s;
      }
    }
    return UNIVERSE;
  }
}
