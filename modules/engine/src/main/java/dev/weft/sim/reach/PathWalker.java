package dev.weft.sim.reach;

import dev.weft.engine.hook.HookPoint;
import dev.weft.engine.hook.NetfilterHooks;
import dev.weft.engine.l3.StackConfig;
import dev.weft.engine.l3.StackInterface;
import dev.weft.model.InterfaceRef;
import dev.weft.model.route.Route;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Name;
import dev.weft.sim.DropCause;
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
  private static final int LOOP_WATCH_FROM = 3;

  private final Fabric fabric;
  private final FastHooks hooks;
  private final LinkLayer links;
  private final NextHops nextHops;
  private final Map<OuterKey, Walk> outerWalks = new ConcurrentHashMap<>();
  private final Map<Suffix, Walk> suffixes = new ConcurrentHashMap<>();

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
    this.hooks = new FastHooks(hooks);
    this.links = new LinkLayer(fabric, this::outer);
    this.nextHops = new NextHops(fabric, links);
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
   * The flow cache: without rules, and when no explanation is being written, the first point a walk
   * reaches after its source (the first router, typically) is remembered with the walk's end, so every
   * later packet from behind that router to the same destination stops there. Remembering that one point
   * is what makes all pairs cheap; remembering every point would cost more than it saves.
   */
  Walk walk(Name source, Flow start, Trail trail, int nesting) {
    try {
      return walkOrThrow(source, start, trail, nesting);
    } catch (FastHooks.UndeterminedHook u) {
      return u.walk;
    }
  }

  private Walk walkOrThrow(Name source, Flow start, Trail trail, int nesting) {
    Journey j = new Journey(fabric.stack(source).config().namespace(), start, trail, nesting);
    boolean cache = hooks.none() && !trail.on();
    Optional<Suffix> first = Optional.empty();
    Optional<Walk> end = Optional.empty();
    for (int hop = 0; hop < MAX_HOPS && end.isEmpty(); hop++) {
      if (cache && first.isEmpty() && j.in.isPresent()) {
        Suffix here = new Suffix(j.stack, j.in.get(), j.flow.destination(), j.flow.size(), j.flow.dontFragment(), j.flow.ttl());
        Walk known = suffixes.get(here);
        if (known != null) {
          return known;
        }
        first = Optional.of(here);
      }
      end = j.step();
    }
    Walk result = end.orElseGet(() -> Walk.dropped(DropCause.LOOP, j.stack, "more than " + MAX_HOPS + " hops", trail.hops()));
    first.ifPresent(p -> suffixes.put(p, result));
    return result;
  }

  /** One packet's way through the stacks: where it is, how it looks now, where it has been. */
  private final class Journey {
    private Name stack;
    private Optional<InterfaceRef> in = Optional.empty();
    private Flow flow;
    private final List<Visit> visited = new ArrayList<>(0);
    private int received;
    private final Trail trail;
    private final int nesting;
    private final FastHooks.Session rules = hooks.session();

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
          return Optional.of(FastHooks.policy(stack, HookPoint.PREROUTING, trail));
        }
        // short paths cannot loop; watching for revisits only from the fourth stack on spares the common case
        if (++received > LOOP_WATCH_FROM) {
          Visit visit = new Visit(stack, in, flow.loopKey());
          if (visited.contains(visit)) {
            return dropped(DropCause.LOOP, "routing loop: the packet came back to " + stack);
          }
          visited.add(visit);
        }
      }
      if (st.isLocal(flow.destination())) {
        if (local && flow.source().isUnspecified()) {
          // to one of its own addresses the kernel sends from that address, before OUTPUT sees the packet
          flow = flow.withSource(flow.destination());
        }
        return Optional.of(local ? loopback(stack, flow, trail, rules) : input(stack, in, flow, trail, rules));
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
      Optional<StackInterface> device = st.iface(r.device());
      if (device.isEmpty()) {
        return dropped(DropCause.NO_ROUTE, "route " + r + " names no interface of " + stack);
      }
      StackInterface egress = device.get();
      InterfaceRef out = egress.ref();
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
        return Optional.of(FastHooks.policy(stack, filter, trail));
      }
      int mtu = egress.mtu().value();
      if (flow.size() > mtu) {
        if (!flow.destination().isIpv4() || flow.dontFragment()) {
          return dropped(DropCause.MTU_EXCEEDED, flow.size() + "-byte packet with DF set exceeds the MTU " + mtu + " of " + out);
        }
        flow = flow.withSize(Ipv4Fragments.largest(mtu));
      }
      if (!apply(HookPoint.POSTROUTING, Optional.empty(), Optional.of(out))) {
        return Optional.of(FastHooks.policy(stack, HookPoint.POSTROUTING, trail));
      }
      return cross(nextHops.resolve(stack, egress, next, nesting), out, next);
    }

    private Optional<Walk> cross(NextHops.Hop h, InterfaceRef out, IpAddress next) {
      return switch (h) {
        case NextHops.Hop.Arrive a -> {
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
        case NextHops.Hop.Exit x -> {
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
        case NextHops.Hop.Unreachable u -> dropped(next.equals(flow.destination()) && fabric.model().ownerOf(next).isEmpty()
            ? DropCause.NO_SUCH_ADDRESS : DropCause.NEIGHBOR_UNREACHABLE, u.detail());
      };
    }

    /** Runs a hook on the current flow; false when it dropped the packet. */
    private boolean apply(HookPoint point, Optional<InterfaceRef> hookIn, Optional<InterfaceRef> hookOut) {
      if (hooks.none()) {
        return true;
      }
      Optional<Flow> after = rules.apply(stack, point, hookIn, hookOut, flow, trail);
      after.ifPresent(f -> flow = f);
      return after.isPresent();
    }

    private Optional<Walk> dropped(DropCause cause, String detail) {
      return Optional.of(Walk.dropped(cause, stack, detail, trail.hops()));
    }
  }

  private Walk loopback(Name s, Flow f, Trail trail, FastHooks.Session rules) {
    InterfaceRef lo = stack(s).loopback().ref();
    for (HookPoint p : new HookPoint[] {HookPoint.OUTPUT, HookPoint.POSTROUTING}) {
      Optional<Flow> next = rules.apply(s, p, Optional.empty(), Optional.of(lo), f, trail);
      if (next.isEmpty()) {
        return FastHooks.policy(s, p, trail);
      }
      f = next.get();
    }
    Optional<Flow> pre = rules.apply(s, HookPoint.PREROUTING, Optional.of(lo), Optional.empty(), f, trail);
    if (pre.isEmpty()) {
      return FastHooks.policy(s, HookPoint.PREROUTING, trail);
    }
    return input(s, Optional.of(lo), pre.get(), trail, rules);
  }

  private Walk input(Name s, Optional<InterfaceRef> in, Flow f, Trail trail, FastHooks.Session rules) {
    if (rules.apply(s, HookPoint.INPUT, in, Optional.empty(), f, trail).isEmpty()) {
      return FastHooks.policy(s, HookPoint.INPUT, trail);
    }
    if (trail.on()) {
      trail.add(s + ": " + f.destination() + " is local: delivered");
    }
    return Walk.delivered(s, trail.hops());
  }

  private StackConfig.Index stack(Name namespace) {
    return fabric.stack(namespace).index();
  }
}
