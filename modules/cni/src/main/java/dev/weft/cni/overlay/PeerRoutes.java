package dev.weft.cni.overlay;

import dev.weft.linux.Rtnetlink;
import dev.weft.linux.error.AlreadyExistsException;
import dev.weft.linux.neigh.NeighbourEntry;
import dev.weft.linux.route.RouteEntry;
import dev.weft.linux.route.RouteSpec;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kernel side of flannel's layout on an overlay device, whoever forwards behind it (a kernel VXLAN
 * device or the userspace VTEP's TAP): the node subnet's {@code .0/32} on the device and, per remote
 * node, a permanent neighbour (its {@code .0} → its VTEP MAC) and an onlink route (its subnet via
 * {@code .0}). Entries of nodes no longer listed are removed. All writes are replaces.
 */
final class PeerRoutes {
  private PeerRoutes() {}

  /** The peers other than this node (by underlay address or subnet). */
  static List<Peer> remote(List<Peer> peers, IpAddress self, Cidr nodeSubnet) {
    return peers.stream().filter(p -> !p.address().equals(self) && !p.subnet().equals(nodeSubnet)).toList();
  }

  static void apply(Rtnetlink host, InterfaceName device, Cidr nodeSubnet, List<Peer> remote) {
    InterfaceAddress own = new InterfaceAddress(nodeSubnet.network(), 32);
    if (host.addresses().list(device).stream().noneMatch(a -> a.address().equals(own))) {
      try {
        host.addresses().add(device, own);
      } catch (AlreadyExistsException raced) {
        // a parallel reconcile added it
      }
    }
    for (Peer p : remote) {
      host.neighbours().replace(device, p.gateway(), p.vtepMac());
      host.routes().replace(RouteSpec.to(p.subnet()).via(p.gateway()).dev(device).withOnlink());
    }
    int index = host.links().indexOf(device);
    Set<Cidr> subnets = remote.stream().map(Peer::subnet).collect(Collectors.toSet());
    Set<IpAddress> gateways = remote.stream().map(Peer::gateway).collect(Collectors.toSet());
    for (RouteEntry r : host.routes().list(IpFamily.IPV4, 254)) {
      if (r.outputIndex().orElse(-1) == index && r.gateway().isPresent() && !subnets.contains(r.destination())) {
        host.routes().deleteIfExists(RouteSpec.to(r.destination()).via(r.gateway().get()).dev(device));
      }
    }
    for (NeighbourEntry n : host.neighbours().list(IpFamily.IPV4)) {
      if (n.index() == index && !gateways.contains(n.address())) {
        host.neighbours().deleteIfExists(device, n.address());
      }
    }
  }
}
