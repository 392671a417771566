package dev.weft.linux.route;

import dev.weft.linux.netlink.Rtnl.Rta;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A route to add, replace or delete. Start with {@link #to} and refine with the withers. When no scope
 * is given it follows iproute2: link scope without a gateway, universe with one.
 */
public record RouteSpec(Cidr destination, Optional<IpAddress> gateway, Optional<InterfaceName> device, boolean onlink,
    OptionalInt metric, Optional<RouteScope> scope, int table, RouteType type, Optional<IpAddress> source,
    int protocol) {

  /** RTPROT_STATIC: shown by ip as "proto static". */
  public static final int PROTOCOL_STATIC = 4;

  public RouteSpec {
    gateway.ifPresent(g -> {
      if (g.family() != destination.family()) {
        throw new IllegalArgumentException("gateway " + g + " is not in the family of " + destination);
      }
    });
    if (table < 1 || table == Rta.RT_TABLE_LOCAL) {
      throw new IllegalArgumentException("table " + table + " is not a routing table weft may write");
    }
  }

  public static RouteSpec to(Cidr destination) {
    return new RouteSpec(destination, Optional.empty(), Optional.empty(), false, OptionalInt.empty(), Optional.empty(),
        Rta.RT_TABLE_MAIN, RouteType.UNICAST, Optional.empty(), PROTOCOL_STATIC);
  }

  public RouteSpec via(IpAddress value) {
    return new RouteSpec(destination, Optional.of(value), device, onlink, metric, scope, table, type, source, protocol);
  }

  public RouteSpec dev(InterfaceName value) {
    return new RouteSpec(destination, gateway, Optional.of(value), onlink, metric, scope, table, type, source, protocol);
  }

  /** The gateway is reachable on the device even though no address covers it (flannel host-gw, Calico). */
  public RouteSpec withOnlink() {
    return new RouteSpec(destination, gateway, device, true, metric, scope, table, type, source, protocol);
  }

  public RouteSpec metric(int value) {
    return new RouteSpec(destination, gateway, device, onlink, OptionalInt.of(value), scope, table, type, source, protocol);
  }

  public RouteSpec scope(RouteScope value) {
    return new RouteSpec(destination, gateway, device, onlink, metric, Optional.of(value), table, type, source, protocol);
  }

  public RouteSpec table(int value) {
    return new RouteSpec(destination, gateway, device, onlink, metric, scope, value, type, source, protocol);
  }

  public RouteSpec type(RouteType value) {
    return new RouteSpec(destination, gateway, device, onlink, metric, scope, table, value, source, protocol);
  }

  public RouteSpec source(IpAddress value) {
    return new RouteSpec(destination, gateway, device, onlink, metric, scope, table, type, Optional.of(value), protocol);
  }

  /** The scope sent when adding: explicit, or iproute2's default. */
  public RouteScope effectiveScope() {
    return scope.orElse(gateway.isPresent() || type != RouteType.UNICAST ? RouteScope.UNIVERSE : RouteScope.LINK);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(destination.toString());
    gateway.ifPresent(g -> sb.append(" via ").append(g));
    device.ifPresent(d -> sb.append(" dev ").append(d));
    if (onlink) {
      sb.append(" onlink");
    }
    metric.ifPresent(m -> sb.append(" metric ").append(m));
    if (table != Rta.RT_TABLE_MAIN) {
      sb.append(" table ").append(table);
    }
    return sb.toString();
  }
}
