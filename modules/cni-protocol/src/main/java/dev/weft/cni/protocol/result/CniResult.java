package dev.weft.cni.protocol.result;

import dev.weft.cni.protocol.CniException;
import dev.weft.cni.protocol.CniVersion;
import dev.weft.cni.protocol.ConfigNode;
import dev.weft.cni.protocol.json.JsonValue.JsonObject;
import java.util.List;

/**
 * A CNI result. An interface plugin fills every part; an IPAM plugin returns the abbreviated form (no
 * {@code interfaces}, no {@code ips[].interface}), see {@link #ipam}. The same value renders differently
 * per requested version: {@link #toJson(CniVersion)}.
 */
public record CniResult(List<InterfaceInfo> interfaces, List<IpConfig> ips, List<RouteEntry> routes, Dns dns) {

  public CniResult {
    interfaces = List.copyOf(interfaces);
    ips = List.copyOf(ips);
    routes = List.copyOf(routes);
    for (IpConfig ip : ips) {
      if (ip.interfaceIndex().isPresent() && ip.interfaceIndex().getAsInt() >= interfaces.size()) {
        throw new IllegalArgumentException(
            "ips entry " + ip.address() + " names interface " + ip.interfaceIndex().getAsInt()
                + " but there are " + interfaces.size() + " interfaces");
      }
    }
  }

  /** The abbreviated result of an IPAM plugin. */
  public static CniResult ipam(List<IpConfig> ips, List<RouteEntry> routes, Dns dns) {
    return new CniResult(List.of(), ips, routes, dns);
  }

  /** Renders the result as {@code version} defines it, with {@code cniVersion} set to that version. */
  public JsonObject toJson(CniVersion version) {
    return ResultCodec.render(this, version);
  }

  /** Parses a result, such as {@code prevResult}, of any supported version. */
  public static CniResult fromJson(ConfigNode node) throws CniException {
    return ResultCodec.parse(node);
  }
}
