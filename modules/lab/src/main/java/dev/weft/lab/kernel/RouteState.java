package dev.weft.lab.kernel;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import java.util.Optional;

/**
 * A route of the main table that is not the kernel's own (connected and link-local routes are). The
 * metric is what the kernel stores: IPv6 turns metric 0 into 1024, so desired IPv6 routes say 1024 too.
 */
public record RouteState(Cidr destination, Optional<IpAddress> gateway, InterfaceName device, boolean onlink,
    int metric) {
  /** The metric the kernel gives a route added with {@code metric}. */
  public static int storedMetric(Cidr destination, int metric) {
    return destination.family() == dev.weft.model.value.IpFamily.IPV6 && metric == 0 ? 1024 : metric;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(destination.prefixLength() == 0 ? "default" : destination.toString());
    gateway.ifPresent(g -> sb.append(" via ").append(g));
    sb.append(" dev ").append(device);
    if (onlink) {
      sb.append(" onlink");
    }
    if (metric != 0) {
      sb.append(" metric ").append(metric);
    }
    return sb.toString();
  }
}
