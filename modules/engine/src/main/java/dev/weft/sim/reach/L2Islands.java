package dev.weft.sim.reach;

import dev.weft.model.InterfaceRef;
import dev.weft.model.value.Name;
import dev.weft.sim.fabric.DeviceId;
import dev.weft.sim.fabric.DeviceSpec;
import dev.weft.sim.fabric.Fabric;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tunnel-free L2 islands: the bridges, veths and segments joined by wires, with the stacks (and the
 * outside world) at their edges. Without a tunnel in it an island floods symmetrically, so a broadcast
 * from any edge reaches every other edge, and one shared answer serves every interface on it; what it
 * cannot say is the exact MTU of one path, only the smallest in the island.
 */
final class L2Islands {
  /** The edges of one island and its smallest MTU. */
  record Island(Map<Name, LinkLayer.Terminal> stacks, Optional<LinkLayer.Terminal> world, Optional<Name> worldSegment,
      int minMtu) {}

  private final Fabric fabric;
  private final Map<DeviceId, Optional<Island>> byDevice = new ConcurrentHashMap<>();

  L2Islands(Fabric fabric) {
    this.fabric = fabric;
  }

  /** The island a device belongs to, or empty when it holds a tunnel device (or is not an L2 device). */
  Optional<Island> of(DeviceId device) {
    Optional<Island> known = byDevice.get(device);
    if (known != null) {
      return known;
    }
    List<DeviceId> members = new ArrayList<>();
    Optional<Island> island = explore(device, members);
    members.forEach(m -> byDevice.put(m, island));
    byDevice.put(device, island);
    return island;
  }

  private Optional<Island> explore(DeviceId start, List<DeviceId> members) {
    if (!l2(fabric.device(start))) {
      return Optional.empty();
    }
    Map<Name, LinkLayer.Terminal> stacks = new LinkedHashMap<>();
    LinkLayer.Terminal world = null;
    Name segment = null;
    int minMtu = Integer.MAX_VALUE;
    boolean tunnel = false;
    Set<DeviceId> seen = new HashSet<>();
    ArrayDeque<DeviceId> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      DeviceId d = queue.poll();
      if (!seen.add(d)) {
        continue;
      }
      members.add(d);
      for (Port p : ports(fabric.device(d))) {
        minMtu = Math.min(minMtu, p.mtu);
        var wire = fabric.wire(p.ref);
        if (wire.isEmpty()) {
          continue;
        }
        DeviceId other = wire.get().other(d);
        switch (fabric.device(other)) {
          case DeviceSpec.Stack s -> stacks.putIfAbsent(s.config().namespace(), new LinkLayer.Terminal(p.ref, minMtu, false));
          case DeviceSpec.External e -> {
            if (world == null) {
              world = new LinkLayer.Terminal(p.ref, minMtu, false);
              segment = e.segment();
            }
          }
          case DeviceSpec.Vxlan x -> tunnel = true;
          case DeviceSpec.Gre g -> tunnel = true;
          default -> queue.add(other);
        }
      }
    }
    if (tunnel) {
      return Optional.empty();
    }
    int mtu = minMtu;
    Map<Name, LinkLayer.Terminal> edges = new LinkedHashMap<>();
    stacks.forEach((ns, t) -> edges.put(ns, new LinkLayer.Terminal(t.iface(), mtu, false)));
    Optional<LinkLayer.Terminal> out = Optional.ofNullable(world).map(w -> new LinkLayer.Terminal(w.iface(), mtu, false));
    return Optional.of(new Island(Map.copyOf(edges), out, Optional.ofNullable(segment), mtu));
  }

  private record Port(InterfaceRef ref, int mtu) {}

  private static boolean l2(DeviceSpec spec) {
    return spec instanceof DeviceSpec.Bridge || spec instanceof DeviceSpec.Veth || spec instanceof DeviceSpec.Segment;
  }

  private static List<Port> ports(DeviceSpec spec) {
    return switch (spec) {
      case DeviceSpec.Bridge b -> {
        List<Port> out = new ArrayList<>();
        out.add(new Port(b.bridge(), b.mtu().value()));
        b.ports().forEach(p -> out.add(new Port(p.ref(), p.mtu().value())));
        yield out;
      }
      case DeviceSpec.Veth v -> List.of(new Port(v.a(), v.mtuA().value()), new Port(v.b(), v.mtuB().value()));
      case DeviceSpec.Segment s -> s.ports().stream().map(p -> new Port(p.ref(), p.mtu().value())).toList();
      default -> List.of();
    };
  }

}
