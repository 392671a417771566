package dev.weft.ipam.plugin;

import dev.weft.cni.protocol.CniVersion;
import dev.weft.cni.protocol.result.RouteEntry;
import dev.weft.ipam.range.RangeSet;
import dev.weft.model.value.IpAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The node IPAM config after host-local's rules were applied: range sets in order (runtimeConfig.ipRanges
 * first, then the legacy flat range, then {@code ranges}), every default filled in.
 *
 * @param requested the requested addresses from CNI_ARGS {@code ip=}, {@code args.cni.ips} and the
 *     {@code ips} capability, in that order
 * @param reclaimMissingNetns weft's opt-in: GC (and an ADD that finds a range set full) frees addresses
 *     whose network namespace no longer exists, which is what a node reboot leaves behind
 */
public record IpamConfig(
    String network,
    CniVersion cniVersion,
    List<RangeSet> rangeSets,
    List<RouteEntry> routes,
    Path dataDir,
    Optional<Path> resolvConf,
    List<IpAddress> requested,
    boolean reclaimMissingNetns) {

  public IpamConfig {
    rangeSets = List.copyOf(rangeSets);
    routes = List.copyOf(routes);
    requested = List.copyOf(requested);
  }
}
