package dev.weft.cni.plugin;

import dev.weft.cni.protocol.CniException;
import dev.weft.cni.protocol.NetworkConfig;
import dev.weft.cni.protocol.result.CniResult;
import dev.weft.cni.protocol.result.InterfaceInfo;
import dev.weft.cni.protocol.result.IpConfig;
import dev.weft.cni.protocol.result.RouteEntry;
import dev.weft.cni.protocol.result.Dns;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Chaining: when weft is not the first plugin, its result is the prevResult with weft's interfaces,
 * addresses and routes appended (address indices shifted past the previous interfaces), so that what
 * earlier plugins reported reaches the later ones and the runtime.
 */
final class PrevResultChain {
  private PrevResultChain() {}

  static CniResult append(NetworkConfig config, CniResult ours) throws CniException {
    if (config.prevResult().isEmpty()) {
      return ours;
    }
    CniResult prev = CniResult.fromJson(config.root().require("prevResult"));
    int shift = prev.interfaces().size();
    List<InterfaceInfo> interfaces = new ArrayList<>(prev.interfaces());
    interfaces.addAll(ours.interfaces());
    List<IpConfig> ips = new ArrayList<>(prev.ips());
    for (IpConfig ip : ours.ips()) {
      OptionalInt index = ip.interfaceIndex().isPresent() ? OptionalInt.of(ip.interfaceIndex().getAsInt() + shift)
          : OptionalInt.empty();
      ips.add(new IpConfig(ip.address(), ip.gateway(), index));
    }
    List<RouteEntry> routes = new ArrayList<>(prev.routes());
    routes.addAll(ours.routes());
    Dns dns = ours.dns().isEmpty() ? prev.dns() : ours.dns();
    return new CniResult(interfaces, ips, routes, dns);
  }
}
