package dev.weft.model.route;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import java.util.Optional;

/**
 * One route of a namespace: packets for {@code destination} leave by {@code device}, to {@code gateway}
 * when there is one and otherwise straight to the destination (a link-scope route).
 *
 * @param onlink use the gateway even though no connected route covers it (as flannel's VXLAN routes do)
 * @param metric lower wins among routes of equal prefix length
 */
public record Route(
    Cidr destination, Optional<IpAddress> gateway, InterfaceName device, RouteOrigin origin, int metric, boolean onlink) {

  public Route {
    if (gateway.isPresent() && gateway.get().family() != destination.family()) {
      throw new IllegalArgumentException("gateway " + gateway.get() + " is not in the family of " + destination);
    }
    if (metric < 0) {
      throw new IllegalArgumentException("metric must not be negative: " + metric);
    }
  }

  /** Deterministic across runs: the enum contributes its ordinal, not its identity hash. */
  @Override
  public int hashCode() {
    int h = destination.hashCode();
    h = 31 * h + gateway.hashCode();
    h = 31 * h + device.hashCode();
    h = 31 * h + origin.ordinal();
    h = 31 * h + metric;
    return 31 * h + (onlink ? 1 : 0);
  }

  public static Route connected(Cidr subnet, InterfaceName device) {
    return new Route(subnet, Optional.empty(), device, RouteOrigin.CONNECTED, 0, false);
  }

  public static Route via(Cidr destination, IpAddress gateway, InterfaceName device) {
    return new Route(destination, Optional.of(gateway), device, RouteOrigin.STATIC, 0, false);
  }

  public boolean isDefault() {
    return destination.prefixLength() == 0;
  }

  /** The next hop for {@code destinationAddress}: the gateway, or the address itself on a link route. */
  public IpAddress nextHop(IpAddress destinationAddress) {
    return gateway.orElse(destinationAddress);
  }

  /** {@code ip route} style text. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(isDefault() ? "default" : destination.toString());
    gateway.ifPresent(g -> sb.append(" via ").append(g));
    sb.append(" dev ").append(device);
    if (onlink) {
      sb.append(" onlink");
    }
    if (origin == RouteOrigin.CONNECTED) {
      sb.append(" proto kernel scope link");
    }
    if (metric != 0) {
      sb.append(" metric ").append(metric);
    }
    return sb.toString();
  }
}
