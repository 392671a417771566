package dev.weft.engine.l3;

import dev.weft.model.InterfaceRef;
import dev.weft.model.NeighborEntry;
import dev.weft.model.route.RouteTable;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one namespace's stack needs to forward: its interfaces, routes, permanent neighbours,
 * whether it forwards, and which local sockets take tunnel traffic. Built once; the stack's handlers share
 * it read-only.
 *
 * @param tunnelUdpPorts UDP ports a local VXLAN socket listens on
 * @param greSocket whether a local GRE device takes IP protocol 47
 */
public record StackConfig(
    Name namespace, boolean ipForward, List<StackInterface> interfaces, RouteTable routes,
    List<NeighborEntry> staticNeighbors, Set<Integer> tunnelUdpPorts, boolean greSocket) {

  public StackConfig {
    interfaces = List.copyOf(interfaces);
    staticNeighbors = List.copyOf(staticNeighbors);
    tunnelUdpPorts = Set.copyOf(tunnelUdpPorts);
  }

  /** Indexes derived from the config; computed once per stack by {@link #index()}. */
  public record Index(StackConfig config, Map<InterfaceName, StackInterface> byName, Set<IpAddress> local, StackInterface loopback) {

    public Optional<StackInterface> iface(InterfaceRef ref) {
      return ref.namespace().equals(config.namespace()) ? Optional.ofNullable(byName.get(ref.name())) : Optional.empty();
    }

    /** An interface of this namespace by name, as a route names its device. */
    public Optional<StackInterface> iface(InterfaceName name) {
      return Optional.ofNullable(byName.get(name));
    }

    public StackInterface require(InterfaceRef ref) {
      return iface(ref).orElseThrow(() -> new IllegalArgumentException(ref + " is not an interface of " + config.namespace()));
    }

    /** An address of this namespace, including the loopback ranges and IPv6 multicast. */
    public boolean isLocal(IpAddress address) {
      return local.contains(address) || address.isLoopback() || isIpv6Multicast(address);
    }

    /**
     * The source address for packets to {@code destination} leaving by {@code egress}: an address of that
     * interface whose subnet holds the destination, else its first address of the family, else any
     * address of the namespace in the family (as the kernel does for an interface without one).
     */
    public Optional<IpAddress> sourceFor(InterfaceRef egress, IpAddress destination) {
      IpFamily family = destination.family();
      Optional<StackInterface> dev = iface(egress);
      List<InterfaceAddress> own = dev.map(StackInterface::addresses).orElse(List.of());
      for (InterfaceAddress a : own) {
        if (a.subnet().contains(destination)) {
          return Optional.of(a.address());
        }
      }
      for (InterfaceAddress a : own) {
        if (a.family() == family) {
          return Optional.of(a.address());
        }
      }
      return config.interfaces().stream().filter(i -> i.link() != LinkType.LOOPBACK)
          .flatMap(i -> i.addresses().stream()).filter(a -> a.family() == family).map(InterfaceAddress::address)
          .findFirst();
    }

    private static boolean isIpv6Multicast(IpAddress a) {
      return !a.isIpv4() && (a.high() >>> 56) == 0xff;
    }
  }

  public Index index() {
    Map<InterfaceName, StackInterface> byName = new LinkedHashMap<>();
    Set<IpAddress> local = new HashSet<>();
    StackInterface loopback = null;
    for (StackInterface i : interfaces) {
      byName.put(i.ref().name(), i);
      i.addresses().forEach(a -> local.add(a.address()));
      if (i.link() == LinkType.LOOPBACK && loopback == null) {
        loopback = i;
      }
    }
    if (loopback == null) {
      // a model built without a loopback still has one in the kernel
      loopback = new StackInterface(new InterfaceRef(namespace, InterfaceName.of("lo")), Mac.ZERO, Mtu.LOOPBACK,
          List.of(), LinkType.LOOPBACK);
      byName.putIfAbsent(loopback.ref().name(), loopback);
    }
    return new Index(this, Map.copyOf(byName), Set.copyOf(local), loopback);
  }
}
