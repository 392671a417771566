package dev.weft.ipam.plugin;

import dev.weft.cni.protocol.CniArgs;
import dev.weft.cni.protocol.CniException;
import dev.weft.cni.protocol.ConfigNode;
import dev.weft.cni.protocol.NetworkConfig;
import dev.weft.cni.protocol.result.RouteEntry;
import dev.weft.ipam.disk.HostLocalStore;
import dev.weft.ipam.range.IpRange;
import dev.weft.ipam.range.RangeSet;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code ipam} section exactly as host-local does (see {@link IpamConfig} for the order of
 * range sets), so that existing configs work unchanged; every mistake is code 7 naming the field.
 */
public final class IpamConfigParser {
  /**
   * host-local documents {@code ip=} but its Go code matches the struct field name, so only {@code IP=}
   * works there; weft takes both.
   */
  private static final List<String> KNOWN_ARGS = List.of("IP", "ip");

  private IpamConfigParser() {}

  public static IpamConfig parse(NetworkConfig config, CniArgs args) throws CniException {
    ConfigNode ipam = config.ipam().orElseThrow(() -> CniException.invalidConfig("IPAM config missing 'ipam' key"));
    ipam.asObject();
    List<RangeSet> sets = new ArrayList<>();
    Optional<ConfigNode> runtimeRanges = config.runtimeConfigNode().field("ipRanges");
    if (runtimeRanges.isPresent()) {
      sets.addAll(rangeSets(runtimeRanges.get()));
    }
    if (ipam.field("subnet").isPresent()) {
      sets.add(new RangeSet(List.of(range(ipam))));
    }
    Optional<ConfigNode> ranges = ipam.field("ranges");
    if (ranges.isPresent()) {
      sets.addAll(rangeSets(ranges.get()));
    }
    if (sets.isEmpty()) {
      throw ipam.error("no IP ranges specified (expected 'ranges' or 'subnet')");
    }
    for (int i = 0; i < sets.size(); i++) {
      for (int j = i + 1; j < sets.size(); j++) {
        if (sets.get(i).overlaps(sets.get(j))) {
          throw ipam.error("range set " + i + " overlaps with range set " + j);
        }
      }
    }
    List<RouteEntry> routes = new ArrayList<>();
    Optional<ConfigNode> routeList = ipam.field("routes");
    if (routeList.isPresent()) {
      for (ConfigNode r : routeList.get().asList()) {
        routes.add(RouteEntry.fromJson(r));
      }
    }
    Path dataDir = ipam.field("dataDir").isPresent()
        ? Path.of(ipam.require("dataDir").asString()) : HostLocalStore.DEFAULT_DATA_DIR;
    Optional<Path> resolvConf = ipam.field("resolvConf").isPresent()
        ? Optional.of(Path.of(ipam.require("resolvConf").asString())) : Optional.empty();
    boolean reclaim = ipam.field("reclaimMissingNetns").isPresent() && ipam.require("reclaimMissingNetns").asBoolean();
    return new IpamConfig(config.name(), config.cniVersion(), sets, routes, dataDir, resolvConf,
        requested(config, args), reclaim);
  }

  private static List<RangeSet> rangeSets(ConfigNode list) throws CniException {
    List<RangeSet> out = new ArrayList<>();
    for (ConfigNode set : list.asList()) {
      List<IpRange> ranges = new ArrayList<>();
      for (ConfigNode r : set.asList()) {
        IpRange range = range(r);
        for (IpRange other : ranges) {
          if (other.family() != range.family()) {
            throw set.error("mixes IPv4 and IPv6 ranges (use one range set per family)");
          }
          if (other.overlaps(range)) {
            throw set.error("ranges " + other.subnet() + " and " + range.subnet() + " overlap");
          }
        }
        ranges.add(range);
      }
      if (ranges.isEmpty()) {
        throw set.error("empty range set (expected at least one range)");
      }
      out.add(new RangeSet(ranges));
    }
    return out;
  }

  /** One range with host-local's defaults and checks. */
  static IpRange range(ConfigNode node) throws CniException {
    ConfigNode subnetNode = node.require("subnet");
    Cidr subnet = subnetNode.asValue(Cidr::parseLenient);
    int bits = subnet.family().bits();
    if (subnet.prefixLength() > bits - 2) {
      throw subnetNode.error("network " + subnet + " is too small to allocate from (at most /" + (bits - 2) + ")");
    }
    IpRange defaults = IpRange.ofSubnet(subnet);
    IpAddress gateway = address(node, "gateway", subnet).orElse(defaults.gateway());
    IpAddress start = address(node, "rangeStart", subnet).orElse(defaults.start());
    IpAddress end = address(node, "rangeEnd", subnet).orElse(defaults.end());
    if (start.compareTo(end) > 0) {
      throw node.error("rangeStart " + start + " is after rangeEnd " + end);
    }
    return new IpRange(subnet, start, end, gateway);
  }

  private static Optional<IpAddress> address(ConfigNode node, String key, Cidr subnet) throws CniException {
    Optional<ConfigNode> f = node.field(key);
    if (f.isEmpty()) {
      return Optional.empty();
    }
    IpAddress ip = f.get().asValue(IpAddress::parse);
    if (!subnet.contains(ip)) {
      throw f.get().error(ip + " is not in network " + subnet);
    }
    return Optional.of(ip);
  }

  private static List<IpAddress> requested(NetworkConfig config, CniArgs args) throws CniException {
    List<IpAddress> out = new ArrayList<>();
    args.checkKnown(KNOWN_ARGS);
    Optional<String> ip = args.get("IP").or(() -> args.get("ip"));
    if (ip.isPresent()) {
      for (String one : ip.get().split(",")) {
        try {
          out.add(IpAddress.parse(one.strip()));
        } catch (IllegalArgumentException e) {
          throw CniException.invalidEnvironment("CNI_ARGS ip: " + e.getMessage());
        }
      }
    }
    Optional<ConfigNode> cni = config.root().field("args").isPresent()
        ? config.root().require("args").field("cni") : Optional.empty();
    if (cni.isPresent() && cni.get().field("ips").isPresent()) {
      for (ConfigNode n : cni.get().require("ips").asList()) {
        out.add(addressOrCidr(n));
      }
    }
    Optional<ConfigNode> ips = config.runtimeConfigNode().field("ips");
    if (ips.isPresent()) {
      for (ConfigNode n : ips.get().asList()) {
        out.add(addressOrCidr(n));
      }
    }
    return out;
  }

  /** The ips capability sends "10.0.0.7/24" or "10.0.0.7"; the prefix is the config's business. */
  private static IpAddress addressOrCidr(ConfigNode n) throws CniException {
    String text = n.asString();
    int slash = text.indexOf('/');
    return n.asValue(t -> IpAddress.parse(slash < 0 ? t : t.substring(0, slash)));
  }

}
