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
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.List;
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
  private final Map<Name, Map<NeighborKey, Mac>> neighbors = new ConcurrentHashMap<>();
  private final Map<OuterKey, Walk> outerWalks = new ConcurrentHashMap<>();
  private final Map<Suffix, Walk> suffixes = new ConcurrentHashMap<>();
  private final boolean noHooks;

  private record NeighborKey(InterfaceName device, IpAddress address) {}

  private record OuterKey(Name namespace, Flow flow) {}

  private record Visit(Name stack, Optional<InterfaceRef> in, Flow flow) {}

  /**
   * Where a packet stands once it has left its source: without netfilter rules nothing but these fields
   * decides what happens next (routing reads the destination, MTU checks the size and DF, and the TTL
   * bounds the way), so the rest of the walk is the same for every packet that gets here.
   */
  private record Suffix(Name stack, InterfaceRef in, IpAddress destination, int size, boolean dontFragment, int ttl) {}

  PathWalker(Fabric fabric, NetfilterHooks hooks) {
    this.fabric = fabric;
    this.hooks = hooks;
    this.links = new LinkLayer(fabric, this::outer);
    this.noHooks = hooks == NetfilterHooks.NONE;
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

  /**
   * The flow cache: without rules, and when no explanation is being written, every point a walk passes
   * after its source is remembered with the walk's end, so later walks stop as soon as they reach one.
   */
  Walk walk(Name source, Flow start, Trail trail, int nesting) {
    Journey j = new Journey(fabric.stack(source).config().namespace(), start, trail, nesting);
    boolean cache = noHooks && !trail.on();
    List<Suffix> passed = new ArrayList<>(4);
    Walk end = null;
    for (int hop = 0; hop < MAX_HOPS && end == null; hop++) {
      if (cache && j.in.isPresent()) {
        Suffix here = new Suffix(j.stack, j.in.get(), j.flow.destination(), j.flow.size(), j.flow.dontFragment(), j.flow.ttl());
        end = suffixes.get(here);
        if (end != null) {
          break;
        }
        passed.add(here);
      }
      end = j.step().orElse(null);
    }
    Walk result = end != null ? end : Walk.dropped(DropCause.LOOP, j.stack, "more than " + MAX_HOPS + " hops", trail.hops());
    passed.forEach(p -> suffixes.put(p, result));
    return result;
  }

  /** One packet's way through the stacks: where it is, how it looks now, where it has been. */
  private final class Journey {
    private Name stack;
    private Optional<InterfaceRef> in = Optional.empty();
    private Flow flow;
    private final List<Visit> visited = new ArrayList<>(4);
    private final Trail trail;
    private final int nesting;

    Journey(Name stack, Flow flow, Trail trail, int nesting) {
      this.stack = stack;
      this.flow = flow;
      this.trail = trail;
      this.nesting = nesting;
    }

    /** One stack's work: empty to go on to the next stack, else where the walk ended. */
    Optional<Walk> step() {
      StackConfig.Index st = stack(stack);
      boolean local = in.isEmpty();
      if (!local) {
        if (!apply(HookPoint.PREROUTING, in, Optional.empty())) {
          return Optional.of(policy(stack, HookPoint.PREROUTING, trail));
        }
        Visit visit = new Visit(stack, in, flow.loopKey());
        if (visited.contains(visit)) {
          return dropped(DropCause.LOOP, "routing loop: the packet came back to " + stack);
        }
        visited.add(visit);
      }
      if (st.isLocal(flow.destination())) {
        return Optional.of(local ? loopback(stack, flow, trail) : input(stack, in, flow, trail));
      }
      if (!local && !st.config().ipForward()) {
        return dropped(DropCause.NO_ROUTE, flow.destination() + " is not local and " + stack + " does not forward (ip_forward=0)");
      }
      Optional<Route> route = st.config().routes().lookup(flow.destination());
      if (route.isEmpty()) {
        return dropped(DropCause.NO_ROUTE, "no route to " + flow.destination() + " in " + stack);
      }
      return forward(st, route.get(), local);
    }

    private Optional<Walk> forward(StackConfig.Index st, Route r, boolean local) {
      InterfaceRef out = new InterfaceRef(stack, r.device());
      IpAddress next = r.nextHop(flow.destination());
      if (trail.on()) {
        trail.add(stack + ": route " + r + (r.gateway().isPresent() ? "" : " (on-link " + next + ")"));
      }
      if (!local) {
        if (flow.ttl() <= 1) {
          return dropped(DropCause.LOOP, "TTL ran out at " + stack);
        }
        flow = flow.withTtl(flow.ttl() - 1);
      } else if (flow.source().isUnspecified()) {
        Optional<IpAddress> src = st.sourceFor(out, flow.destination());
        if (src.isEmpty()) {
          return dropped(DropCause.NO_ROUTE, "no " + flow.destination().family() + " source address for " + out);
        }
        flow = flow.withSource(src.get());
      }
      HookPoint filter = local ? HookPoint.OUTPUT : HookPoint.FORWARD;
      if (!apply(filter, in, Optional.of(out))) {
        return Optional.of(policy(stack, filter, trail));
      }
      StackInterface egress = st.require(out);
      int mtu = egress.mtu().value();
      if (flow.size() > mtu) {
        if (!flow.destination().isIpv4() || flow.dontFragment()) {
          return dropped(DropCause.MTU_EXCEEDED, flow.size() + "-byte packet with DF set exceeds the MTU " + mtu + " of " + out);
        }
        flow = flow.withSize(Ipv4Fragments.largest(mtu));
      }
      if (!apply(HookPoint.POSTROUTING, Optional.empty(), Optional.of(out))) {
        return Optional.of(policy(stack, HookPoint.POSTROUTING, trail));
      }
      return cross(link(stack, egress, next, nesting), out, next);
    }

    private Optional<Walk> cross(Hop h, InterfaceRef out, IpAddress next) {
      return switch (h) {
        case Hop.Arrive a -> {
          int bottleneck = a.terminal().bottleneck();
          if (flow.size() > bottleneck && !a.terminal().exact()) {
            bottleneck = links.exactFlood(stack, out, nesting).stacks().get(a.terminal().iface().namespace()).bottleneck();
          }
          if (flow.size() > bottleneck) {
            yield dropped(DropCause.MTU_EXCEEDED, flow.size() + "-byte packet does not fit a link between " + out + " and "
                + a.terminal().iface() + " (MTU " + bottleneck + ")");
          }
          InterfaceRef arrived = a.terminal().iface();
          if (trail.on()) {
            trail.add(stack + ": " + next + " reached at " + arrived);
          }
          stack = arrived.namespace();
          in = Optional.of(arrived);
          yield Optional.empty();
        }
        case Hop.Exit x -> {
          int bottleneck = x.terminal().bottleneck();
          if (flow.size() > bottleneck && !x.terminal().exact()) {
            bottleneck = links.exactFlood(stack, out, nesting).world().orElseThrow().bottleneck();
          }
          yield flow.size() > bottleneck
              ? dropped(DropCause.MTU_EXCEEDED, flow.size() + "-byte packet does not fit the way out via " + x.segment()
                  + " (MTU " + bottleneck + ")")
              : Optional.of(Walk.exits(stack, "left the network via " + x.segment() + " towards " + flow.destination(),
                  trail.hops()));
        }
        case Hop.Unreachable u -> dropped(next.equals(flow.destination()) && fabric.model().ownerOf(next).isEmpty()
            ? DropCause.NO_SUCH_ADDRESS : DropCause.NEIGHBOR_UNREACHABLE, u.detail());
      };
    }

    /** Runs a hook on the current flow; false when it dropped the packet. */
    private boolean apply(HookPoint point, Optional<InterfaceRef> hookIn, Optional<InterfaceRef> hookOut) {
      if (noHooks) {
        return true;
      }
      Optional<Flow> after = hook(stack, point, hookIn, hookOut, flow, trail);
      after.ifPresent(f -> flow = f);
      return after.isPresent();
    }

    private Optional<Walk> dropped(DropCause cause, String detail) {
      return Optional.of(Walk.dropped(cause, stack, detail, trail.hops()));
    }
  }

  /**
   * Where a frame for {@code next} sent out of {@code egress} ends up. Cheap to ask again: the costly
   * part, what a flood or unicast from an interface reaches, is memoised by {@link LinkLayer}.
   */
  private sealed interface Hop {
    record Arrive(LinkLayer.Terminal terminal) implements Hop {}

    record Exit(Name segment, LinkLayer.Terminal terminal) implements Hop {}

    record Unreachable(String detail) implements Hop {}
  }

  private Hop link(Name s, StackInterface egress, IpAddress next, int nesting) {
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
    if (trail.on()) {
      trail.add(s + ": " + f.destination() + " is local: delivered");
    }
    return Walk.delivered(s, trail.hops());
  }

  /** The flow after a hook, or empty when the hook dropped it. */
  private Optional<Flow> hook(Name s, HookPoint point, Optional<InterfaceRef> in, Optional<InterfaceRef> out, Flow f, Trail trail) {
    if (noHooks) {
      return Optional.of(f);
    }
    NetfilterHook hook = hooks.forNamespace(s);
    if (hook == NetfilterHook.ACCEPT_ALL) {
      return Optional.of(f);
    }
    PacketContext ctx = new PacketContext(s, point, in.map(InterfaceRef::name), out.map(InterfaceRef::name), f.source(),
        f.destination(), f.protocol(), f.sourcePort(), f.destinationPort(), f.icmpType(), f.size());
    return switch (hook.evaluate(ctx)) {
      case HookVerdict.Accept a -> Optional.of(f);
      case HookVerdict.Drop d -> {
        if (trail.on()) {
          trail.add(s + ": " + point + " " + d.rule());
        }
        yield Optional.empty();
      }
      case HookVerdict.Rewrite r -> {
        if (trail.on()) {
          trail.add(s + ": " + point + " " + r.rule());
        }
        yield Optional.of(f.rewritten(r.source(), r.destination(), r.sourcePort(), r.destinationPort()));
      }
    };
  }

  private static Walk policy(Name s, HookPoint point, Trail trail) {
    return Walk.dropped(DropCause.POLICY, s, point + " in " + s + " dropped it", trail.hops());
  }

  private StackConfig.Index stack(Name namespace) {
    return fabric.stack(namespace).index();
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
