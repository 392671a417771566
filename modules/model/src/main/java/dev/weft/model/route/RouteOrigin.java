package dev.weft.model.route;

/** Where a route came from, as {@code ip route} shows it with {@code proto}. */
public enum RouteOrigin {
  /** Derived from an interface address ({@code proto kernel scope link}). */
  CONNECTED,
  /** Declared by the user or the control plane ({@code proto static}). */
  STATIC
}
