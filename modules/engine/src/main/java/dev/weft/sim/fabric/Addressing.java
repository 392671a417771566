package dev.weft.sim.fabric;

import dev.weft.model.Interface;
import dev.weft.model.InterfaceKind;
import dev.weft.model.Namespace;
import dev.weft.model.NetworkModel;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import dev.weft.model.value.Name;
import java.util.List;
import java.util.Optional;

/**
 * Which address stands for a namespace when a trace or matrix names it as a destination: its first IPv4
 * address outside loopback (IPv6 if it has no IPv4), in declaration order, with a host's uplinks first
 * so that a host is reached at its underlay address rather than a bridge gateway. A host-mode container
 * is reached at its host's address.
 */
public final class Addressing {
  private Addressing() {}

  public static Optional<IpAddress> primaryAddress(NetworkModel model, Name namespace) {
    Namespace ns = model.namespace(namespace).orElseThrow(() -> new IllegalArgumentException("unknown namespace " + namespace));
    Namespace stack = model.stackOf(ns);
    List<Interface> ifaces = model.interfaces(stack.name());
    for (IpFamily family : IpFamily.values()) {
      if (stack.isHostRoot()) {
        Optional<IpAddress> uplink = first(ifaces, family, true);
        if (uplink.isPresent()) {
          return uplink;
        }
      }
      Optional<IpAddress> any = first(ifaces, family, false);
      if (any.isPresent()) {
        return any;
      }
    }
    return Optional.empty();
  }

  private static Optional<IpAddress> first(List<Interface> ifaces, IpFamily family, boolean uplinksOnly) {
    for (Interface i : ifaces) {
      if (i.kind() instanceof InterfaceKind.Loopback || (uplinksOnly && !(i.kind() instanceof InterfaceKind.Physical))) {
        continue;
      }
      for (InterfaceAddress a : i.addresses()) {
        if (a.family() == family && !a.address().isLoopback()) {
          return Optional.of(a.address());
        }
      }
    }
    return Optional.empty();
  }

  /** The first address of the family on an interface. */
  public static Optional<IpAddress> addressOf(Interface iface, IpFamily family) {
    return iface.addresses().stream().filter(a -> a.family() == family).map(InterfaceAddress::address).findFirst();
  }
}
