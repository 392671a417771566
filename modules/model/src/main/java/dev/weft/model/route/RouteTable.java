package dev.weft.model.route;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The main routing table of one namespace, IPv4 and IPv6 together. Lookup is longest prefix first, then
 * lowest metric, then connected before static (as the kernel prefers the first-inserted route and
 * connected routes are inserted with the address).
 */
public final class RouteTable {
  private static final Comparator<Route> PREFERENCE =
      Comparator.comparingInt(Route::metric).thenComparing(r -> r.origin() != RouteOrigin.CONNECTED);

  private final List<Route> routes;
  private final PrefixMap<Route> byPrefix;

  public RouteTable(List<Route> routes) {
    List<Route> sorted = new ArrayList<>(routes);
    sorted.sort(Comparator.comparing(Route::destination).thenComparing(PREFERENCE));
    this.routes = List.copyOf(sorted);
    this.byPrefix = PrefixMap.of(
        sorted.stream().map(r -> Map.entry(r.destination(), r)).toList(),
        (a, b) -> PREFERENCE.compare(a, b) <= 0 ? a : b);
  }

  public static RouteTable empty() {
    return new RouteTable(List.of());
  }

  /** The route the kernel would pick for {@code destination}. */
  public Optional<Route> lookup(IpAddress destination) {
    return byPrefix.longestMatch(destination);
  }

  /** Every route, sorted by destination then preference. */
  public List<Route> routes() {
    return routes;
  }

  public boolean hasRouteTo(Cidr prefix) {
    return byPrefix.exact(prefix).isPresent();
  }

  public int size() {
    return routes.size();
  }
}
