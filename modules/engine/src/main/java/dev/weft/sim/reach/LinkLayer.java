package dev.weft.sim.reach;

import dev.weft.engine.packet.IpProtocol;
import dev.weft.engine.tunnel.VxlanForwardingTable;
import dev.weft.model.InterfaceRef;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import dev.weft.sim.fabric.DeviceId;
import dev.weft.sim.fabric.DeviceSpec;
import dev.weft.sim.fabric.Fabric;
import dev.weft.sim.fabric.Wire;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a frame sent out of an interface can reach, computed by walking devices instead of pushing bytes.
 *
 * <p>A broadcast (an ARP request) is flooded: bridges and segments send it out of every other port,
 * veths pass it to their peer, VXLAN devices replicate it to their flood list and GRE to its peer, each
 * tunnel hop counting only if the underlay carries the outer packet both ways. A unicast frame for a
 * known MAC (a permanent neighbour entry) is followed the same way except that VXLAN uses its entry for
 * that MAC. Along each path the smallest MTU met is kept, since bridges and veths drop what does not fit.
 * Results are memoised per egress interface (and MAC), which is what makes whole matrices cheap. The
 * walk assumes no L2 loops (a storm the byte-level simulator reports as a loop).
 */
final class LinkLayer {
  private static final int PROBE_SIZE = 100;

  /**
   * An interface of a stack a frame can reach, and the smallest MTU on the way; when not {@code exact}
   * that is the smallest MTU anywhere in its island, a lower bound of the path's.
   */
  record Terminal(InterfaceRef iface, int bottleneck, boolean exact) {}

  /** Everything a flood from one interface reaches. */
  record Flood(Map<Name, Terminal> stacks, Optional<Terminal> world, Optional<Name> worldSegment) {}

  /** Runs the fast path for a tunnel's outer packet. */
  interface OuterWalker {
    Walk walk(Name namespace, Flow flow, int nesting);
  }

  private final Fabric fabric;
  private final OuterWalker outer;
  private final Map<InterfaceRef, Flood> floods = new ConcurrentHashMap<>();
  private final Map<Unicast, Optional<Terminal>> unicasts = new ConcurrentHashMap<>();
  private final Map<Tunnel, Optional<DeviceId>> tunnels = new ConcurrentHashMap<>();
  private final Map<DeviceId, VxlanForwardingTable> vxlanTables = new ConcurrentHashMap<>();
  private final L2Islands islands;

  private record Unicast(InterfaceRef egress, Mac mac) {}

  private record Tunnel(DeviceId device, IpAddress remote, boolean twoWay) {}

  private record Node(DeviceId device, InterfaceRef in, int bottleneck) {}

  LinkLayer(Fabric fabric, OuterWalker outer) {
    this.fabric = fabric;
    this.outer = outer;
    this.islands = new L2Islands(fabric);
  }

  /**
   * What a broadcast from {@code egress} reaches. Into a tunnel-free island the answer is the island's,
   * shared by all its interfaces (MTUs not exact); otherwise a walk that crosses tunnels (exact).
   */
  Flood flood(Name stack, InterfaceRef egress, int nesting) {
    Optional<Wire> w = fabric.wire(egress);
    if (w.isPresent()) {
      Optional<L2Islands.Island> island = islands.of(w.get().other(stackId(stack)));
      if (island.isPresent()) {
        L2Islands.Island i = island.get();
        return new Flood(i.stacks(), i.world(), i.worldSegment());
      }
    }
    return exactFlood(stack, egress, nesting);
  }

  /** A flood walked from this interface, with the exact smallest MTU of each path. */
  Flood exactFlood(Name stack, InterfaceRef egress, int nesting) {
    Flood cached = floods.get(egress);
    if (cached != null) {
      return cached;
    }
    Map<Name, Terminal> stacks = new LinkedHashMap<>();
    Terminal[] world = new Terminal[1];
    Name[] segment = new Name[1];
    walk(stack, egress, Optional.empty(), nesting, (spec, node) -> {
      switch (spec) {
        case DeviceSpec.Stack s -> stacks.putIfAbsent(s.config().namespace(), new Terminal(node.in, node.bottleneck, true));
        case DeviceSpec.External e -> {
          if (world[0] == null) {
            world[0] = new Terminal(node.in, node.bottleneck, true);
            segment[0] = e.segment();
          }
        }
        default -> { }
      }
      return false;
    });
    Flood f = new Flood(stacks, Optional.ofNullable(world[0]), Optional.ofNullable(segment[0]));
    floods.put(egress, f);
    return f;
  }

  /** The first stack interface with {@code mac} that a frame for it reaches. */
  Optional<Terminal> unicast(Name stack, InterfaceRef egress, Mac mac, int nesting) {
    Unicast key = new Unicast(egress, mac);
    Optional<Terminal> cached = unicasts.get(key);
    if (cached != null) {
      return cached;
    }
    Terminal[] found = new Terminal[1];
    walk(stack, egress, Optional.of(mac), nesting, (spec, node) -> {
      if (spec instanceof DeviceSpec.Stack && fabric.model().iface(node.in).map(i -> i.mac().equals(mac)).orElse(false)) {
        found[0] = new Terminal(node.in, node.bottleneck, true);
        return true;
      }
      return false;
    });
    Optional<Terminal> result = Optional.ofNullable(found[0]);
    unicasts.put(key, result);
    return result;
  }

  /** Over an L3 GRE device: the interface of the peer tunnel's stack the packet comes out of. */
  Optional<Terminal> pointToPoint(Name stack, InterfaceRef egress, int nesting) {
    Optional<Wire> w = fabric.wire(egress);
    if (w.isEmpty() || !(fabric.device(w.get().other(stackId(stack))) instanceof DeviceSpec.Gre g)) {
      return Optional.empty();
    }
    return cross(g.id(), g.config().remote(), nesting, false)
        .flatMap(peer -> fabric.wire(((DeviceSpec.Gre) fabric.device(peer)).config().device()))
        .map(pw -> new Terminal(pw.port(), Integer.MAX_VALUE, true));
  }

  private interface Visitor {
    /** Called at each terminal device; true stops the walk. */
    boolean visit(DeviceSpec spec, Node node);
  }

  private void walk(Name stack, InterfaceRef egress, Optional<Mac> unicast, int nesting, Visitor visitor) {
    Optional<Wire> first = fabric.wire(egress);
    if (first.isEmpty()) {
      return;
    }
    ArrayDeque<Node> queue = new ArrayDeque<>();
    Set<DeviceId> seen = new HashSet<>();
    queue.add(new Node(first.get().other(stackId(stack)), egress, Integer.MAX_VALUE));
    seen.add(stackId(stack));
    while (!queue.isEmpty()) {
      Node n = queue.poll();
      if (!seen.add(n.device)) {
        continue;
      }
      DeviceSpec spec = fabric.device(n.device);
      switch (spec) {
        case DeviceSpec.Stack s -> {
          if (visitor.visit(spec, n)) {
            return;
          }
        }
        case DeviceSpec.External e -> {
          if (visitor.visit(spec, n)) {
            return;
          }
        }
        case DeviceSpec.Bridge b -> {
          out(queue, n, b.bridge(), b.mtu());
          b.ports().forEach(p -> out(queue, n, p.ref(), p.mtu()));
        }
        case DeviceSpec.Segment g -> g.ports().forEach(p -> out(queue, n, p.ref(), p.mtu()));
        case DeviceSpec.Veth v -> {
          if (n.in.equals(v.a())) {
            out(queue, n, v.b(), v.mtuB());
          } else {
            out(queue, n, v.a(), v.mtuA());
          }
        }
        case DeviceSpec.Vxlan x -> {
          var table = vxlanTables.computeIfAbsent(x.id(), id -> new VxlanForwardingTable(x.config().staticEntries(), Duration.ZERO));
          List<IpAddress> remotes = table.select(unicast.orElse(Mac.BROADCAST), Instant.EPOCH).remotes();
          for (IpAddress remote : remotes) {
            cross(x.id(), remote, nesting, unicast.isEmpty()).ifPresent(peer -> emerge(queue, peer, n.bottleneck));
          }
        }
        case DeviceSpec.Gre g -> cross(g.id(), g.config().remote(), nesting, unicast.isEmpty())
            .ifPresent(peer -> emerge(queue, peer, n.bottleneck));
      }
    }
  }

  /** The frame leaves device {@code n.device} by {@code port}, unless that is where it came in. */
  private void out(ArrayDeque<Node> queue, Node n, InterfaceRef port, Mtu mtu) {
    if (port.equals(n.in)) {
      return;
    }
    fabric.wire(port).ifPresent(w -> queue.add(new Node(w.other(n.device), port, Math.min(n.bottleneck, mtu.value()))));
  }

  /** The peer tunnel device hands the inner frame to whatever its own interface is attached to. */
  private void emerge(ArrayDeque<Node> queue, DeviceId peer, int bottleneck) {
    InterfaceRef ref = switch (fabric.device(peer)) {
      case DeviceSpec.Vxlan x -> x.config().device();
      case DeviceSpec.Gre g -> g.config().device();
      default -> throw new IllegalStateException("not a tunnel: " + peer);
    };
    fabric.wire(ref).ifPresent(w -> queue.add(new Node(w.other(peer), ref, bottleneck)));
  }

  /**
   * The tunnel device at {@code remote} that takes this device's packets, if the underlay carries them
   * there and a matching device (VNI and port, or GRE addresses and key) listens. With {@code twoWay} the
   * underlay must also carry the peer's packets back: a flood is an ARP request whose reply returns
   * through the tunnel, while a frame to a permanent neighbour needs nothing back (the kernel delivers it
   * over a one-way underlay).
   */
  private Optional<DeviceId> cross(DeviceId device, IpAddress remote, int nesting, boolean twoWay) {
    if (nesting >= Fabric.MAX_NESTED_TUNNELS) {
      return Optional.empty();
    }
    Tunnel key = new Tunnel(device, remote, twoWay);
    Optional<DeviceId> cached = tunnels.get(key);
    if (cached != null) {
      return cached;
    }
    Optional<DeviceId> peer = switch (fabric.device(device)) {
      case DeviceSpec.Vxlan x -> {
        Name ns = x.config().device().namespace();
        Flow there = outerFlow(x.config().local(), remote, IpProtocol.UDP, x.config().port());
        Walk w = outer.walk(ns, there, nesting + 1);
        yield w.delivered()
            ? fabric.vxlanSocket(new Fabric.VxlanSocket(w.at(), x.config().port(), x.config().vni().value()))
                .filter(p -> !twoWay || back(p, x.config().local(), ns, nesting))
            : Optional.empty();
      }
      case DeviceSpec.Gre g -> {
        Name ns = g.config().device().namespace();
        Walk w = outer.walk(ns, outerFlow(g.config().local(), remote, IpProtocol.GRE, 0), nesting + 1);
        yield w.delivered()
            ? fabric.greSocket(new Fabric.GreSocket(w.at(), remote, g.config().local(), g.config().key()))
                .filter(p -> !twoWay || back(p, g.config().local(), ns, nesting))
            : Optional.empty();
      }
      default -> Optional.empty();
    };
    tunnels.put(key, peer);
    return peer;
  }

  /** Whether the peer's outer packets reach {@code home} in namespace {@code ns}: replies must get back. */
  private boolean back(DeviceId peer, IpAddress home, Name ns, int nesting) {
    Walk w = switch (fabric.device(peer)) {
      case DeviceSpec.Vxlan x -> outer.walk(x.config().device().namespace(),
          outerFlow(x.config().local(), home, IpProtocol.UDP, x.config().port()), nesting + 1);
      case DeviceSpec.Gre g -> outer.walk(g.config().device().namespace(),
          outerFlow(g.config().local(), home, IpProtocol.GRE, 0), nesting + 1);
      default -> throw new IllegalStateException("not a tunnel: " + peer);
    };
    return w.delivered() && w.at().equals(ns);
  }

  private static Flow outerFlow(IpAddress local, IpAddress remote, int protocol, int port) {
    return new Flow(local, remote, protocol, 0, port, -1, PROBE_SIZE, false, 64);
  }

  private DeviceId stackId(Name namespace) {
    return fabric.stackOf(namespace).orElseThrow();
  }

}
