package dev.weft.cni.bridge;

import dev.weft.cni.protocol.result.CniResult;
import dev.weft.cni.protocol.result.IpConfig;
import dev.weft.cni.protocol.result.RouteEntry;
import dev.weft.linux.Rtnetlink;
import dev.weft.linux.route.RouteSpec;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The container side of an attachment: its addresses (DAD off unless {@code enabledad}) and routes, as
 * the reference plugins' ipam.ConfigureIface does: a route without a gateway goes via the gateway of
 * the first address of its family.
 */
final class PodInterface {
  private PodInterface() {}

  /** The IPAM routes plus a default route per family when the bridge is the default gateway. */
  static List<RouteEntry> routes(CniResult ipam, BridgeOptions options) {
    List<RouteEntry> routes = new ArrayList<>(ipam.routes());
    if (options.isDefaultGateway()) {
      for (IpConfig ip : ipam.ips()) {
        Cidr all = Cidr.all(ip.address().family());
        boolean present = routes.stream().anyMatch(r -> r.dst().equals(all));
        if (!present && ip.gateway().isPresent()) {
          routes.add(RouteEntry.of(all, ip.gateway()));
        }
      }
    }
    return routes;
  }

  static void configure(Rtnetlink pod, InterfaceName ifName, List<IpConfig> ips, List<RouteEntry> routes,
      boolean enableDad) {
    for (IpConfig ip : ips) {
      pod.addresses().add(ifName, ip.address(), ip.address().family() == IpFamily.IPV6 && !enableDad);
    }
    for (RouteEntry r : routes) {
      Optional<IpAddress> gw = r.gw().or(() -> ips.stream().filter(i -> i.address().family() == r.dst().family())
          .findFirst().flatMap(IpConfig::gateway));
      RouteSpec spec = RouteSpec.to(r.dst()).dev(ifName);
      if (gw.isPresent()) {
        spec = spec.via(gw.get());
      }
      if (r.priority().isPresent()) {
        spec = spec.metric(r.priority().getAsInt());
      }
      pod.routes().add(spec);
    }
  }
}
