package dev.weft.topology.parse;

import static dev.weft.topology.parse.TopologyParser.each;

import dev.weft.document.Element;
import dev.weft.document.Located;
import dev.weft.document.MapReader;
import dev.weft.model.NetworkMode;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import dev.weft.document.DocumentProblem;
import dev.weft.topology.spec.ChainsSpec;
import dev.weft.topology.spec.NamespaceSpec;
import dev.weft.topology.spec.NamespaceSpec.Destination;
import dev.weft.topology.spec.NamespaceSpec.InterfaceSpec;
import dev.weft.topology.spec.RouteSpec;
import java.util.List;
import java.util.Optional;

/** Reads container namespaces with their interfaces, and routes (of containers and hosts alike). */
final class NamespaceParser {
  static final int MAX_METRIC = Integer.MAX_VALUE;
  private static final ChainsParser CHAINS = new ChainsParser();

  Optional<NamespaceSpec> namespace(MapReader m) {
    Optional<Located<Name>> name = m.requireLocated("name", Name::of, "the namespace's name, like pod1");
    Optional<Located<NetworkMode>> mode = m.requireLocated("mode", Values::mode, "one of: bridge, overlay, host, none");
    boolean ipForward = m.bool("ipForward", false);
    List<InterfaceSpec> interfaces = each(m.list("interfaces"), e -> e.map(Keys.INTERFACE).flatMap(this::iface));
    List<RouteSpec> routes = each(m.list("routes"), this::route);
    Optional<ChainsSpec> chains = m.get("chains").flatMap(CHAINS::chains);
    if (name.isEmpty() || mode.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new NamespaceSpec(name.get(), mode.get(), ipForward, interfaces, routes, chains, m.origin()));
  }

  private Optional<InterfaceSpec> iface(MapReader m) {
    Optional<Located<InterfaceName>> name = m.requireLocated("name", InterfaceName::of, "the interface name, like eth0");
    List<Located<InterfaceAddress>> addresses =
        each(m.list("addresses"), e -> e.located(x -> x.value(InterfaceAddress::parse)));
    Optional<Located<Mtu>> mtu = m.located("mtu", Mtu::parse);
    var mac = m.located("mac", Values::unicastMac);
    return name.map(n -> new InterfaceSpec(n, addresses, mtu, mac, m.origin()));
  }

  Optional<RouteSpec> route(Element e) {
    Optional<MapReader> r = e.map(Keys.ROUTE);
    if (r.isEmpty()) {
      return Optional.empty();
    }
    MapReader m = r.get();
    Optional<Located<Destination>> dst = m.requireLocated("dst", Values::destination, "default or a prefix like 10.0.0.0/8");
    Optional<Located<IpAddress>> via = m.located("via", IpAddress::parse);
    Optional<Located<InterfaceName>> dev = m.located("dev", InterfaceName::of);
    boolean onlink = m.bool("onlink", false);
    int metric = m.integer("metric", 0, MAX_METRIC).orElse(0);
    if (!m.has("via") && !m.has("dev")) {
      e.error(DocumentProblem.MISSING_KEY, "a route needs a gateway or a device", "via: ADDRESS and/or dev: INTERFACE");
      return Optional.empty();
    }
    if (dst.isEmpty() || (m.has("via") && via.isEmpty()) || (m.has("dev") && dev.isEmpty())) {
      return Optional.empty();
    }
    if (dst.get().value() instanceof Destination.Prefix p && via.isPresent()
        && p.cidr().family() != via.get().value().family()) {
      m.diagnostics().error(DocumentProblem.INVALID_VALUE, via.get().origin(),
          "gateway " + via.get().value() + " is not in the address family of " + p.cidr(), "a gateway of the same family");
      return Optional.empty();
    }
    return Optional.of(new RouteSpec(dst.get(), via, dev, onlink, metric, m.origin()));
  }
}
