package dev.weft.engine.l3;

import static dev.weft.engine.testing.TestPackets.mac;

import dev.weft.model.InterfaceRef;
import dev.weft.model.NeighborEntry;
import dev.weft.model.route.Route;
import dev.weft.model.route.RouteTable;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import java.util.List;
import java.util.Set;

/** A router namespace for stack handler tests: eth0 10.0.1.1/24, eth1 10.0.2.1/24 (MTU 1400), fd00:1::1/64 on eth0. */
final class Stacks {
  static final Name R1 = Name.of("r1");
  static final InterfaceRef ETH0 = InterfaceRef.of("r1", "eth0");
  static final InterfaceRef ETH1 = InterfaceRef.of("r1", "eth1");
  static final InterfaceRef LO = InterfaceRef.of("r1", "lo");

  private Stacks() {}

  static StackConfig router(boolean forward, List<NeighborEntry> neighbors) {
    List<StackInterface> ifaces = List.of(
        new StackInterface(LO, mac(0), Mtu.LOOPBACK, List.of(InterfaceAddress.parse("127.0.0.1/8")), LinkType.LOOPBACK),
        new StackInterface(ETH0, mac(0x10), Mtu.ETHERNET,
            List.of(InterfaceAddress.parse("10.0.1.1/24"), InterfaceAddress.parse("fd00:1::1/64")), LinkType.ETHERNET),
        new StackInterface(ETH1, mac(0x11), new Mtu(1400), List.of(InterfaceAddress.parse("10.0.2.1/24")), LinkType.ETHERNET));
    RouteTable routes = new RouteTable(List.of(
        Route.connected(Cidr.parse("10.0.1.0/24"), InterfaceName.of("eth0")),
        Route.connected(Cidr.parse("fd00:1::/64"), InterfaceName.of("eth0")),
        Route.connected(Cidr.parse("10.0.2.0/24"), InterfaceName.of("eth1")),
        Route.via(Cidr.parse("10.9.0.0/16"), IpAddress.parse("10.0.2.254"), InterfaceName.of("eth1"))));
    return new StackConfig(R1, forward, ifaces, routes, neighbors, Set.of(4789), true);
  }

  static StackConfig.Index router() {
    return router(true, List.of()).index();
  }
}
