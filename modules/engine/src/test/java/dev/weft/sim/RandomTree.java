package dev.weft.sim;

import dev.weft.model.InterfaceKind;
import dev.weft.model.InterfaceRef;
import dev.weft.model.NetworkMode;
import dev.weft.model.NetworkModel;
import dev.weft.model.value.IpAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A random tree of namespaces: edge e joins two namespaces on subnet 10.e.0.0/24 (the lower end .1, the
 * upper .2), either by a veth pair or through a bridge on the host. Each namespace forwards or not, and
 * for each subnet it is not on has no route, the right route (via the neighbour towards it), a wrong one
 * (via another neighbour, which can make loops) or uses a default route. The generator keeps its own
 * description of all this so that a test can compute, without the simulator, where a packet would go.
 */
final class RandomTree {
  record Edge(int a, int b, boolean bridged, int mtu) {}

  /** A route of node {@code node}: subnet of edge {@code subnet} (or -1 for default) via neighbour {@code via}. */
  record Route(int node, int subnet, int via) {}

  final int nodes;
  final List<Edge> edges = new ArrayList<>();
  final boolean[] forward;
  final List<Route> routes = new ArrayList<>();
  final long seed;

  RandomTree(long seed, int nodes, boolean varyMtu) {
    this.seed = seed;
    this.nodes = nodes;
    Random r = new Random(seed);
    forward = new boolean[nodes];
    for (int i = 0; i < nodes; i++) {
      forward[i] = r.nextInt(5) != 0;
    }
    for (int i = 1; i < nodes; i++) {
      int mtu = varyMtu ? new int[] {1500, 1400, 1280}[r.nextInt(3)] : 1500;
      edges.add(new Edge(r.nextInt(i), i, r.nextBoolean(), mtu));
    }
    for (int n = 0; n < nodes; n++) {
      List<Integer> neighbours = neighbours(n);
      if (neighbours.isEmpty()) {
        continue;
      }
      if (r.nextInt(4) == 0) {
        routes.add(new Route(n, -1, neighbours.get(r.nextInt(neighbours.size()))));
      }
      for (int e = 0; e < edges.size(); e++) {
        if (edges.get(e).a == n || edges.get(e).b == n) {
          continue;
        }
        int choice = r.nextInt(10);
        if (choice < 6) {
          routes.add(new Route(n, e, towards(n, e)));
        } else if (choice < 7) {
          routes.add(new Route(n, e, neighbours.get(r.nextInt(neighbours.size()))));
        }
      }
    }
  }

  List<Integer> neighbours(int n) {
    List<Integer> out = new ArrayList<>();
    for (Edge e : edges) {
      if (e.a == n) {
        out.add(e.b);
      } else if (e.b == n) {
        out.add(e.a);
      }
    }
    return out;
  }

  /** The neighbour of {@code n} on the tree path to edge {@code e}. */
  int towards(int n, int e) {
    for (int nb : neighbours(n)) {
      if (reaches(nb, n, edges.get(e).a) || reaches(nb, n, edges.get(e).b)) {
        return nb;
      }
    }
    throw new IllegalStateException("tree is disconnected");
  }

  private boolean reaches(int from, int notThrough, int target) {
    if (from == target) {
      return true;
    }
    for (int nb : neighbours(from)) {
      if (nb != notThrough && reaches(nb, from, target)) {
        return true;
      }
    }
    return false;
  }

  int edgeBetween(int x, int y) {
    for (int e = 0; e < edges.size(); e++) {
      Edge ed = edges.get(e);
      if ((ed.a == x && ed.b == y) || (ed.a == y && ed.b == x)) {
        return e;
      }
    }
    throw new IllegalArgumentException(x + " and " + y + " are not neighbours");
  }

  static String ns(int n) {
    return "n" + n;
  }

  String address(int node, int edge) {
    return "10." + edge + ".0." + (edges.get(edge).a == node ? 1 : 2);
  }

  /** The first address of a node: the address on its first edge, in edge order. */
  String primaryAddress(int node) {
    for (int e = 0; e < edges.size(); e++) {
      if (edges.get(e).a == node || edges.get(e).b == node) {
        return address(node, e);
      }
    }
    throw new IllegalStateException("isolated node");
  }

  NetworkModel model() {
    ModelDsl m = new ModelDsl("tree-" + seed);
    m.host("h", java.util.Optional.empty(), "", 1500);
    for (int n = 0; n < nodes; n++) {
      m.namespace(ns(n), "h", NetworkMode.BRIDGE, forward[n]);
    }
    for (int e = 0; e < edges.size(); e++) {
      Edge ed = edges.get(e);
      String ifname = "e" + e;
      m.iface(ns(ed.a), ifname, new InterfaceKind.Veth(false), ed.mtu, address(ed.a, e) + "/24");
      m.iface(ns(ed.b), ifname, new InterfaceKind.Veth(false), ed.mtu, address(ed.b, e) + "/24");
      if (ed.bridged) {
        m.iface("h", "br" + e, new InterfaceKind.Bridge(java.time.Duration.ofSeconds(300), false), ed.mtu);
        m.iface("h", "a" + e, new InterfaceKind.Veth(false), ed.mtu);
        m.iface("h", "b" + e, new InterfaceKind.Veth(false), ed.mtu);
        m.b.vethPeer(InterfaceRef.of(ns(ed.a), ifname), InterfaceRef.of("h", "a" + e));
        m.b.vethPeer(InterfaceRef.of(ns(ed.b), ifname), InterfaceRef.of("h", "b" + e));
        m.b.bridgePort(InterfaceRef.of("h", "a" + e), InterfaceRef.of("h", "br" + e));
        m.b.bridgePort(InterfaceRef.of("h", "b" + e), InterfaceRef.of("h", "br" + e));
      } else {
        m.b.vethPeer(InterfaceRef.of(ns(ed.a), ifname), InterfaceRef.of(ns(ed.b), ifname));
      }
    }
    for (Route r : routes) {
      int via = edgeBetween(r.node, r.via);
      String dst = r.subnet < 0 ? "0.0.0.0/0" : "10." + r.subnet + ".0.0/24";
      m.route(ns(r.node), dst, address(r.via, via), "e" + via);
    }
    return m.build();
  }

  /** What the oracle says a packet from {@code src} to {@code dst} does. */
  enum Fate {
    DELIVERED, NOT_DELIVERED
  }

  /**
   * Follows the generator's own routes: the destination's subnet if connected, else a route for it, else
   * the default route; a namespace that does not forward stops transit traffic; coming back is a loop.
   */
  Fate follow(int src, IpAddress dst) {
    int cur = src;
    Set<Integer> seen = new HashSet<>();
    while (seen.add(cur)) {
      if (owns(cur, dst)) {
        return Fate.DELIVERED;
      }
      if (cur != src && !forward[cur]) {
        return Fate.NOT_DELIVERED;
      }
      int edge = subnetOf(dst);
      int next = -1;
      if (edge >= 0 && (edges.get(edge).a == cur || edges.get(edge).b == cur)) {
        int other = edges.get(edge).a == cur ? edges.get(edge).b : edges.get(edge).a;
        return owns(other, dst) ? Fate.DELIVERED : Fate.NOT_DELIVERED;
      }
      for (Route r : routes) {
        if (r.node == cur && r.subnet == edge && edge >= 0) {
          next = r.via;
        }
      }
      if (next < 0) {
        for (Route r : routes) {
          if (r.node == cur && r.subnet < 0) {
            next = r.via;
          }
        }
      }
      if (next < 0) {
        return Fate.NOT_DELIVERED;
      }
      cur = next;
    }
    return Fate.NOT_DELIVERED;
  }

  private boolean owns(int node, IpAddress dst) {
    for (int e = 0; e < edges.size(); e++) {
      if ((edges.get(e).a == node || edges.get(e).b == node) && IpAddress.parse(address(node, e)).equals(dst)) {
        return true;
      }
    }
    return false;
  }

  /** The edge whose subnet 10.e.0.0/24 holds {@code dst}, or -1. */
  private int subnetOf(IpAddress dst) {
    int v = dst.ipv4Value();
    int e = (v >>> 16) & 0xff;
    boolean inSubnet = (v >>> 24) == 10 && ((v >>> 8) & 0xff) == 0;
    return inSubnet && e < edges.size() ? e : -1;
  }
}
