package dev.weft.sim.reach;

import dev.weft.engine.hook.HookPoint;
import dev.weft.engine.hook.HookVerdict;
import dev.weft.engine.hook.NetfilterHook;
import dev.weft.engine.hook.NetfilterHooks;
import dev.weft.engine.hook.PacketContext;
import dev.weft.engine.l3.LinkType;
import dev.weft.engine.l3.StackConfig;
import dev.weft.engine.l3.StackInterface;
import dev.weft.model.InterfaceRef;
import dev.weft.model.NeighborEntry;
import dev.weft.model.route.Route;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Name;
import dev.weft.sim.DropCause;
import dev.weft.sim.fabric.DeviceSpec;
import dev.weft.sim.fabric.Fabric;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows a packet from stack to stack without bytes, applying what the stack pipeline applies, in the
 * same order: PREROUTING, the routing decision (local, forwarding disabled, no route, longest match),
 * TTL, INPUT/FORWARD/OUTPUT, the egress MTU, POSTROUTING, then the link: a permanent neighbour or an
 * ARP flood finds the next stack (or the outside world), and the path's MTU must hold the packet. A
 * packet that comes back to a stack it passed through with the same fields is in a loop.
 */
final class PathWalker {
  private static final int MAX_HOPS = 256;

  private final Fabric fabric;
  private final NetfilterHooks hooks;
  private final LinkLayer links;
  private final Map<Name, StackConfig.Index> stacks = new ConcurrentHashMap<>();
  private final Map<Name, Map<NeighborKey, Mac>> neighbors = new ConcurrentHashMap<>();
  private final Map<OuterKey, Walk> outerWalks = new ConcurrentHashMap<>();

  private record NeighborKey(InterfaceName device, IpAddress address) {}

  private record OuterKey(Name namespace, Flow flow) {}

  private record Visit(Name stack, Optional<InterfaceRef> in, Flow flow) {}

  PathWalker(Fabric fabric, NetfilterHooks hooks) {
    this.fabric = fabric;
    this.hooks = hooks;
    this.links = new LinkLayer(fabric, this::outer);
  }

  /** A tunnel's outer packet, memoised: tunnels ask the same question for every inner flow. */
  private Walk outer(Name namespace, Flow flow, int nesting) {
    OuterKey key = new OuterKey(namespace, flow);
    Walk w = outerWalks.get(key);
    if (w == null) {
      w = walk(namespace, flow, Trail.OFF, nesting);
      outerWalks.put(key, w);
    }
    return w;
  }

  Walk walk(Name source, Flow start, Trail trail, int nesting) {
    Name s = ((DeviceSpec.Stack) fabric.device(fabric.stackOf(source).orElseThrow())).config().namespace();
    Flow f = start;
    Optional<InterfaceRef> in = Optional.empty();
    Set<Visit> visited = new HashSet<>();
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      StackConfig.Index st = stack(s);
      boolean local = in.isEmpty();
      if (!local) {
        Optional<Flow> pre = hook(s, HookPoint.PREROUTING, in, Optional.empty(), f, trail);
        if (pre.isEmpty()) {
          return policy(s, HookPoint.PREROUTING, trail);
        }
        f = pre.get();
        if (!visited.add(new Visit(s, in, f.loopKey()))) {
          Name at = s;
          return Walk.dropped(DropCause.LOOP, s, "routing loop: the packet came back to " + at, trail.hops());
        }
      }
      if (st.isLocal(f.destination())) {
        return local ? loopback(s, f, trail) : input(s, in, f, trail);
      }
      if (!local && !st.config().ipForward()) {
        return Walk.dropped(DropCause.NO_ROUTE, s, f.destination() + " is not local and " + s
            + " does not forward (ip_forward=0)", trail.hops());
      }
      Optional<Route> route = st.config().routes().lookup(f.destination());
      if (route.isEmpty()) {
        return Walk.dropped(DropCause.NO_ROUTE, s, "no route to " + f.destination() + " in " + s, trail.hops());
      }
      Route r = route.get();
      InterfaceRef out = new InterfaceRef(s, r.device());
      IpAddress next = r.nextHop(f.destination());
      Name here = s;
      trail.add(() -> here + ": route " + r + (r.gateway().isPresent() ? "" : " (on-link " + next + ")"));
      if (!local) {
        if (f.ttl() <= 1) {
          return Walk.dropped(DropCause.LOOP, s, "TTL ran out at " + s, trail.hops());
        }
        f = f.withTtl(f.ttl() - 1);
      } else if (f.source().isUnspecified()) {
        Optional<IpAddress> src = st.sourceFor(out, f.destination());
        if (src.isEmpty()) {
          return Walk.dropped(DropCause.NO_ROUTE, s, "no " + f.destination().family() + " source address for " + out, trail.hops());
        }
        f = f.withSource(src.get());
      }
      HookPoint filter = local ? HookPoint.OUTPUT : HookPoint.FORWARD;
      Optional<Flow> filtered = hook(s, filter, in, Optional.of(out), f, trail);
      if (filtered.isEmpty()) {
        return policy(s, filter, trail);
      }
      f = filtered.get();
      StackInterface egress = st.require(out);
      int mtu = egress.mtu().value();
      if (f.size() > mtu) {
        if (!f.destination().isIpv4() || f.dontFragment()) {
          return Walk.dropped(DropCause.MTU_EXCEEDED, s, f.size() + "-byte packet with DF set exceeds the MTU " + mtu
              + " of " + out, trail.hops());
        }
        f = f.withSize(Ipv4Fragments.largest(mtu));
      }
      Optional<Flow> post = hook(s, HookPoint.POSTROUTING, Optional.empty(), Optional.of(out), f, trail);
      if (post.isEmpty()) {
        return policy(s, HookPoint.POSTROUTING, trail);
      }
      f = post.get();
      Hop h = link(s, egress, next, f, nesting);
      switch (h) {
        case Hop.Arrive a -> {
          if (f.size() > a.terminal().bottleneck()) {
            return Walk.dropped(DropCause.MTU_EXCEEDED, s, f.size() + "-byte packet does not fit a link between " + out
                + " and " + a.terminal().iface() + " (MTU " + a.terminal().bottleneck() + ")", trail.hops());
          }
          InterfaceRef arrived = a.terminal().iface();
          trail.add(() -> here + ": " + next + " reached at " + arrived);
          s = arrived.namespace();
          in = Optional.of(arrived);
        }
        case Hop.Exit x -> {
          return Walk.exits(s, "left the network via " + x.segment() + " towards " + f.destination(), trail.hops());
        }
        case Hop.Unreachable u -> {
          boolean noSuch = next.equals(f.destination()) && fabric.model().ownerOf(next).isEmpty();
          return Walk.dropped(noSuch ? DropCause.NO_SUCH_ADDRESS : DropCause.NEIGHBOR_UNREACHABLE, s, u.detail(), trail.hops());
        }
      }
    }
    return Walk.dropped(DropCause.LOOP, s, "more than " + MAX_HOPS + " hops", trail.hops());
  }

  /** Where a frame for {@code next} sent out of {@code egress} ends up. */
  private sealed interface Hop {
    record Arrive(LinkLayer.Terminal terminal) implements Hop {}

    record Exit(Name segment) implements Hop {}

    record Unreachable(String detail) implements Hop {}
  }

  private Hop link(Name s, StackInterface egress, IpAddress next, Flow f, int nesting) {
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
    Optional<Name> owner = fabric.model().ownerOf(next).flatMap(i -> fabric.stackOf(i.ref().namespace()))
        .map(id -> ((DeviceSpec.Stack) fabric.device(id)).config().namespace());
    if (owner.isPresent() && !owner.get().equals(s) && flood.stacks().containsKey(owner.get())) {
      return new Hop.Arrive(flood.stacks().get(owner.get()));
    }
    if (owner.isEmpty() && flood.world().isPresent()) {
      return new Hop.Exit(flood.worldSegment().orElseThrow());
    }
    return new Hop.Unreachable("no answer to ARP for " + next + " on " + out);
  }

  private Walk loopback(Name s, Flow f, Trail trail) {
    InterfaceRef lo = stack(s).loopback().ref();
    for (HookPoint p : new HookPoint[] {HookPoint.OUTPUT, HookPoint.POSTROUTING}) {
      Optional<Flow> next = hook(s, p, Optional.empty(), Optional.of(lo), f, trail);
      if (next.isEmpty()) {
        return policy(s, p, trail);
      }
      f = next.get();
    }
    Optional<Flow> pre = hook(s, HookPoint.PREROUTING, Optional.of(lo), Optional.empty(), f, trail);
    if (pre.isEmpty()) {
      return policy(s, HookPoint.PREROUTING, trail);
    }
    return input(s, Optional.of(lo), pre.get(), trail);
  }

  private Walk input(Name s, Optional<InterfaceRef> in, Flow f, Trail trail) {
    if (hook(s, HookPoint.INPUT, in, Optional.empty(), f, trail).isEmpty()) {
      return policy(s, HookPoint.INPUT, trail);
    }
    trail.add(() -> s + ": " + f.destination() + " is local: delivered");
    return Walk.delivered(s, trail.hops());
  }

  /** The flow after a hook, or empty when the hook dropped it. */
  private Optional<Flow> hook(Name s, HookPoint point, Optional<InterfaceRef> in, Optional<InterfaceRef> out, Flow f, Trail trail) {
    NetfilterHook hook = hooks.forNamespace(s);
    if (hook == NetfilterHook.ACCEPT_ALL) {
      return Optional.of(f);
    }
    PacketContext ctx = new PacketContext(s, point, in.map(InterfaceRef::name), out.map(InterfaceRef::name), f.source(),
        f.destination(), f.protocol(), f.sourcePort(), f.destinationPort(), f.icmpType(), f.size());
    return switch (hook.evaluate(ctx)) {
      case HookVerdict.Accept a -> Optional.of(f);
      case HookVerdict.Drop d -> {
        trail.add(() -> s + ": " + point + " " + d.rule());
        yield Optional.empty();
      }
      case HookVerdict.Rewrite r -> {
        trail.add(() -> s + ": " + point + " " + r.rule());
        yield Optional.of(f.rewritten(r.source(), r.destination(), r.sourcePort(), r.destinationPort()));
      }
    };
  }

  private static Walk policy(Name s, HookPoint point, Trail trail) {
    return Walk.dropped(DropCause.POLICY, s, point + " in " + s + " dropped it", trail.hops());
  }

  private StackConfig.Index stack(Name namespace) {
    return stacks.computeIfAbsent(namespace, n -> fabric.stack(n).index());
  }

  private Map<NeighborKey, Mac> neighbors(Name namespace) {
    return neighbors.computeIfAbsent(namespace, n -> {
      Map<NeighborKey, Mac> m = new java.util.HashMap<>();
      for (NeighborEntry e : fabric.stack(n).config().staticNeighbors()) {
        m.put(new NeighborKey(e.device(), e.address()), e.mac());
      }
      return m;
    });
  }
}
