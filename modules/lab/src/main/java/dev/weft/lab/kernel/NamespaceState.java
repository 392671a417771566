package dev.weft.lab.kernel;

import dev.weft.linux.netns.NetnsName;
import dev.weft.linux.sysctl.SysctlKey;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.value.InterfaceName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything weft manages in one namespace. {@code rules} is the IPv4 rule set as iptables-save would
 * show it (weft's chains and the hooks into them); {@code sysctls} holds only the keys weft sets.
 */
public record NamespaceState(NetnsName name, Map<InterfaceName, LinkState> links, Set<AddressState> addresses,
    Set<RouteState> routes, Set<NeighbourState> neighbours, Set<FdbState> fdb, Map<SysctlKey, String> sysctls,
    Ruleset rules) {

  public NamespaceState {
    links = Collections.unmodifiableMap(new LinkedHashMap<>(links));
    addresses = Collections.unmodifiableSet(new LinkedHashSet<>(addresses));
    routes = Collections.unmodifiableSet(new LinkedHashSet<>(routes));
    neighbours = Collections.unmodifiableSet(new LinkedHashSet<>(neighbours));
    fdb = Collections.unmodifiableSet(new LinkedHashSet<>(fdb));
    sysctls = Collections.unmodifiableMap(new LinkedHashMap<>(sysctls));
  }

  /** What a namespace holds right after it is made: a loopback that is down, nothing else. */
  public static NamespaceState fresh(NetnsName name) {
    InterfaceName lo = InterfaceName.of("lo");
    LinkState loopback = LinkState.desired(lo, new LinkKind.Loopback(), dev.weft.model.value.Mtu.LOOPBACK,
        java.util.Optional.empty(), java.util.Optional.empty(), false);
    return new NamespaceState(name, Map.of(lo, loopback), Set.of(), Set.of(), Set.of(), Set.of(), Map.of(), Ruleset.empty());
  }
}
