package dev.weft.lab.kernel;

import dev.weft.lab.plan.LabSysctls;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.Rtnetlink;
import dev.weft.linux.link.Link;
import dev.weft.linux.link.LinkData;
import dev.weft.linux.neigh.FdbEntry;
import dev.weft.linux.netlink.Rtnl;
import dev.weft.linux.netns.NetnsName;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.route.RouteEntry;
import dev.weft.linux.sysctl.SysctlKey;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpFamily;
import dev.weft.model.value.Mtu;
import dev.weft.netfilter.save.IptablesSaveException;
import dev.weft.netfilter.save.IptablesSaveParser;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads what a namespace holds back from the kernel, in the shape the plan uses. Leaves out what the
 * kernel makes by itself: loopback addresses, IPv6 link-local addresses, connected (proto kernel) and
 * router-advertised routes, neighbours it learnt, FDB entries it learnt or keeps for bridge ports. Routes
 * of any other protocol in the main table count, so a route someone added by hand shows up as drift.
 */
public final class KernelReader {
  private static final int RTPROT_KERNEL = 2;
  private static final int RTPROT_RA = 9;
  private static final Cidr LINK_LOCAL = Cidr.parse("fe80::/10");

  private final LinuxDriver driver;
  private final IptablesSaveParser parser = new IptablesSaveParser();

  public KernelReader(LinuxDriver driver) {
    this.driver = driver;
  }

  /** The state of {@code namespace}, with the values of {@code sysctls} that the kernel has. */
  public NamespaceState read(NetnsName namespace, Collection<SysctlKey> sysctls) {
    NetnsRef ref = NetnsRef.named(namespace);
    try (Rtnetlink rt = driver.rtnetlink(ref)) {
      List<Link> kernelLinks = rt.links().list();
      Map<Integer, InterfaceName> names = new HashMap<>();
      kernelLinks.forEach(l -> names.put(l.index(), l.name()));
      Map<InterfaceName, LinkState> links = new LinkedHashMap<>();
      Map<Integer, LinkKind> kinds = new HashMap<>();
      for (Link l : kernelLinks) {
        LinkState s = link(l, names);
        links.put(s.name(), s);
        kinds.put(l.index(), s.kind());
      }
      Set<AddressState> addresses = new LinkedHashSet<>();
      rt.addresses().list().forEach(a -> {
        InterfaceName dev = name(names, a.index());
        boolean lo = kinds.get(a.index()) instanceof LinkKind.Loopback;
        if (!LINK_LOCAL.contains(a.address().address()) && !(lo && a.address().address().isLoopback())) {
          addresses.add(new AddressState(dev, a.address()));
        }
      });
      Set<RouteState> routes = new LinkedHashSet<>();
      for (IpFamily f : IpFamily.values()) {
        rt.routes().list(f, Rtnl.Rta.RT_TABLE_MAIN).stream()
            .filter(r -> r.protocol() != RTPROT_KERNEL && r.protocol() != RTPROT_RA)
            .forEach(r -> routes.add(route(r, names)));
      }
      Set<NeighbourState> neighbours = new LinkedHashSet<>();
      for (IpFamily f : IpFamily.values()) {
        rt.neighbours().list(f).stream().filter(n -> n.permanent() && n.mac().isPresent())
            .forEach(n -> neighbours.add(new NeighbourState(name(names, n.index()), n.address(), n.mac().get())));
      }
      Set<FdbState> fdb = new LinkedHashSet<>();
      for (FdbEntry e : rt.fdb().list()) {
        if (e.destination().isPresent() && kinds.get(e.index()) instanceof LinkKind.Vxlan) {
          fdb.add(new FdbState(name(names, e.index()), e.mac(), e.destination().get()));
        }
      }
      return new NamespaceState(namespace, links, addresses, routes, neighbours, fdb, sysctls(ref, sysctls), rules(ref));
    }
  }

  private Map<SysctlKey, String> sysctls(NetnsRef ref, Collection<SysctlKey> keys) {
    Map<SysctlKey, String> out = new LinkedHashMap<>();
    for (SysctlKey k : keys) {
      driver.sysctls().readIfPresent(ref, k).ifPresent(v -> out.put(k, LabSysctls.normalize(v)));
    }
    return out;
  }

  private Ruleset rules(NetnsRef ref) {
    String save = driver.netfilter().saveIptables(ref, IpFamily.IPV4);
    try {
      return parser.parse(ref.describe(), save).ruleset().withoutLines();
    } catch (IptablesSaveException e) {
      throw new IllegalStateException("cannot read back the iptables rules of " + ref.describe() + ": " + e.getMessage(), e);
    }
  }

  private static LinkState link(Link l, Map<Integer, InterfaceName> names) {
    LinkKind kind = kind(l, names);
    boolean lo = kind instanceof LinkKind.Loopback;
    return new LinkState(l.name(), kind, Mtu.of(Math.max(Mtu.MIN, Math.min(Mtu.MAX, l.mtu()))),
        lo ? Optional.empty() : l.mac(), l.master().stream().mapToObj(i -> name(names, i)).findFirst(), l.up(),
        OptionalInt.of(l.index()));
  }

  private static LinkKind kind(Link l, Map<Integer, InterfaceName> names) {
    String k = l.kind().orElse("");
    return switch (k) {
      case "" -> l.name().value().equals("lo") ? new LinkKind.Loopback() : new LinkKind.Other("device");
      case "veth" -> LinkKind.Veth.observed(peerIndex(l), l.peerNetnsId().isPresent());
      case "bridge" -> new LinkKind.Bridge();
      case "tun" -> new LinkKind.Tap();
      case "vxlan" -> l.data() instanceof LinkData.VxlanData v
          ? new LinkKind.Vxlan(v.vni(), v.local(), v.port(), v.learning(),
              v.underlayIndex().stream().mapToObj(i -> name(names, i)).findFirst())
          : new LinkKind.Other(k);
      default -> new LinkKind.Other(k);
    };
  }

  /**
   * The peer's ifindex. The driver drops an IFLA_LINK equal to the link's own index (meaning "no parent"),
   * but a veth whose peer is in another namespace may well have the same index there.
   */
  private static OptionalInt peerIndex(Link l) {
    return l.peerOrParent().isPresent() || l.peerNetnsId().isEmpty() ? l.peerOrParent() : OptionalInt.of(l.index());
  }

  private static RouteState route(RouteEntry r, Map<Integer, InterfaceName> names) {
    InterfaceName dev = r.outputIndex().stream().mapToObj(i -> name(names, i)).findFirst()
        .orElse(InterfaceName.of("none"));
    return new RouteState(r.destination(), r.gateway(), dev, r.onlink(), r.metric().orElse(0));
  }

  private static InterfaceName name(Map<Integer, InterfaceName> names, int index) {
    InterfaceName n = names.get(index);
    return n != null ? n : InterfaceName.of("if" + index);
  }
}
