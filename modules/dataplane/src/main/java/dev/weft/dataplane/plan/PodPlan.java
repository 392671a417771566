package dev.weft.dataplane.plan;

import dev.weft.model.Interface;
import dev.weft.model.NeighborEntry;
import dev.weft.model.route.Route;
import dev.weft.model.value.Name;
import java.util.List;

/**
 * A pod namespace as the dataplane provisions it: a TAP for each interface wired to a dataplane device
 * (with the interface's MAC, MTU and addresses), then its routes and permanent neighbours.
 *
 * @param routes the routes to install; connected routes are left to the kernel, which adds them with the addresses
 */
public record PodPlan(Name namespace, List<Interface> taps, List<Route> routes, List<NeighborEntry> neighbors) {
  public PodPlan {
    taps = List.copyOf(taps);
    routes = List.copyOf(routes);
    neighbors = List.copyOf(neighbors);
  }
}
