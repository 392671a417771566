package dev.weft.sim.reach;

import dev.weft.engine.l3.LinkType;
import dev.weft.engine.l3.StackInterface;
import dev.weft.model.InterfaceRef;
import dev.weft.model.NeighborEntry;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Name;
import dev.weft.sim.fabric.Fabric;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Neighbour resolution on the fast path, as {@code NeighborHandler} does it on bytes: a point-to-point
 * link needs none, a permanent neighbour entry names the MAC to send to, and anything else is an ARP (or
 * NDP) flood that the owner of the next hop answers, or the outside world when nobody in the model owns it.
 */
final class NextHops {
  /** Where a frame for the next hop ends up. */
  sealed interface Hop {
    record Arrive(LinkLayer.Terminal terminal) implements Hop {}

    record Exit(Name segment, LinkLayer.Terminal terminal) implements Hop {}

    record Unreachable(String detail) implements Hop {}
  }

  private record NeighborKey(InterfaceName device, IpAddress address) {}

  private final Fabric fabric;
  private final LinkLayer links;
  private final Map<Name, Map<NeighborKey, Mac>> neighbors = new ConcurrentHashMap<>();

  NextHops(Fabric fabric, LinkLayer links) {
    this.fabric = fabric;
    this.links = links;
  }

  /** Cheap to ask again: what a flood or unicast from an interface reaches is memoised by {@link LinkLayer}. */
  Hop resolve(Name s, StackInterface egress, IpAddress next, int nesting) {
    InterfaceRef out = egress.ref();
    if (egress.link() == LinkType.RAW_IP) {
      return links.pointToPoint(s, out, nesting).<Hop>map(Hop.Arrive::new)
          .orElse(new Hop.Unreachable("the tunnel " + out + " does not reach its peer"));
    }
    if (egress.link() == LinkType.LOOPBACK) {
      return new Hop.Unreachable(next + " is not local yet routed to loopback");
    }
    Mac fixed = neighbors(s).get(new NeighborKey(out.name(), next));
    if (fixed != null) {
      return links.unicast(s, out, fixed, nesting).<Hop>map(Hop.Arrive::new)
          .orElse(new Hop.Unreachable("no interface with " + fixed + " (the permanent neighbour entry for " + next
              + ") is reachable from " + out));
    }
    LinkLayer.Flood flood = links.flood(s, out, nesting);
    Optional<Name> owner = fabric.ownerStack(next);
    if (owner.isPresent() && !owner.get().equals(s) && flood.stacks().containsKey(owner.get())) {
      return new Hop.Arrive(flood.stacks().get(owner.get()));
    }
    if (owner.isEmpty() && flood.world().isPresent()) {
      return new Hop.Exit(flood.worldSegment().orElseThrow(), flood.world().get());
    }
    return new Hop.Unreachable("no answer to ARP for " + next + " on " + out);
  }

  private Map<NeighborKey, Mac> neighbors(Name namespace) {
    return neighbors.computeIfAbsent(namespace, ns -> {
      Map<NeighborKey, Mac> m = new HashMap<>();
      for (NeighborEntry e : fabric.stack(ns).config().staticNeighbors()) {
        m.put(new NeighborKey(e.device(), e.address()), e.mac());
      }
      return m;
    });
  }
}
