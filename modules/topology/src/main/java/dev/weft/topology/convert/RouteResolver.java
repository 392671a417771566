package dev.weft.topology.convert;

import dev.weft.document.Diagnostic;
import dev.weft.document.DidYouMean;
import dev.weft.document.Located;
import dev.weft.model.InterfaceKind;
import dev.weft.model.InterfaceRef;
import dev.weft.model.route.Route;
import dev.weft.model.route.RouteOrigin;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import dev.weft.model.value.Name;
import dev.weft.topology.TopologyProblem;
import dev.weft.topology.spec.NamespaceSpec.Destination;
import dev.weft.topology.spec.RouteSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns written routes into model routes, finding the device as {@code ip route add} does: a gateway
 * must lie in a connected subnet (of {@code dev} when given, the longest match otherwise) unless the
 * route is {@code onlink}, which needs an explicit device.
 */
final class RouteResolver {
  private final Draft draft;

  RouteResolver(Draft draft) {
    this.draft = draft;
  }

  void resolve(Name namespace, List<RouteSpec> routes) {
    Set<String> seen = new HashSet<>();
    draft.routes(namespace).forEach(r -> seen.add(r.destination() + "/" + r.metric()));
    for (RouteSpec spec : routes) {
      resolve(namespace, spec).ifPresent(route -> {
        if (!seen.add(route.destination() + "/" + route.metric())) {
          draft.diagnostics().error(TopologyProblem.INVALID_WIRING, spec.origin(), "namespace " + namespace
              + " already has a route to " + route.destination() + " with metric " + route.metric(),
              "one route per destination and metric");
          return;
        }
        draft.route(namespace, route);
      });
    }
  }

  private Optional<Route> resolve(Name namespace, RouteSpec spec) {
    IpFamily family = spec.via().map(v -> v.value().family()).orElse(IpFamily.IPV4);
    Cidr dst = switch (spec.dst().value()) {
      case Destination.Default d -> Cidr.all(family);
      case Destination.Prefix p -> p.cidr();
    };
    Optional<InterfaceName> dev = Optional.empty();
    if (spec.dev().isPresent()) {
      dev = device(namespace, spec.dev().get());
      if (dev.isEmpty()) {
        return Optional.empty();
      }
    }
    if (spec.via().isEmpty()) {
      return dev.map(d -> new Route(dst, Optional.empty(), d, RouteOrigin.STATIC, spec.metric(), spec.onlink()));
    }
    Located<IpAddress> via = spec.via().get();
    if (spec.onlink()) {
      if (dev.isEmpty()) {
        draft.diagnostics().error(TopologyProblem.INVALID_WIRING, spec.origin(), "an onlink route needs dev: the gateway"
            + " is not in a connected subnet, so nothing else says where it is", "dev: INTERFACE");
        return Optional.empty();
      }
      return Optional.of(new Route(dst, Optional.of(via.value()), dev.get(), RouteOrigin.STATIC, spec.metric(), true));
    }
    Optional<InterfaceName> out = connectedDevice(namespace, via.value(), dev);
    if (out.isEmpty()) {
      draft.diagnostics().add(Diagnostic.error(TopologyProblem.OUTSIDE_SUBNET, via.origin(), "gateway " + via.value()
              + " is not in a connected subnet of " + namespace + dev.map(d -> " on " + d).orElse(""))
          .expecting("a gateway inside " + connected(namespace))
          .withHint("add onlink: true and dev: if the gateway is reachable anyway"));
      return Optional.empty();
    }
    return Optional.of(new Route(dst, Optional.of(via.value()), out.get(), RouteOrigin.STATIC, spec.metric(), false));
  }

  private Optional<InterfaceName> device(Name namespace, Located<InterfaceName> dev) {
    InterfaceName name = dev.value();
    if (draft.iface(new InterfaceRef(namespace, name)).isPresent()) {
      return Optional.of(name);
    }
    draft.diagnostics().add(Diagnostic.error(TopologyProblem.UNKNOWN_REFERENCE, dev.origin(),
            namespace + " has no interface " + name)
        .expecting("one of: " + draft.interfacesOf(namespace).stream().map(i -> i.ref().name().toString())
            .collect(Collectors.joining(", ")))
        .withHint(DidYouMean.hint(name.toString(), draft.interfacesOf(namespace).stream()
            .map(i -> i.ref().name().toString()).toList())));
    return Optional.empty();
  }

  /** The interface whose connected subnet holds {@code gateway} with the longest prefix. */
  private Optional<InterfaceName> connectedDevice(Name namespace, IpAddress gateway, Optional<InterfaceName> only) {
    InterfaceName best = null;
    int bestLength = -1;
    for (Draft.Iface i : draft.interfacesOf(namespace)) {
      if (i.iface().kind() instanceof InterfaceKind.Loopback || only.filter(d -> !d.equals(i.ref().name())).isPresent()) {
        continue;
      }
      for (InterfaceAddress a : i.iface().addresses()) {
        if (a.prefixLength() < a.family().bits() && a.subnet().contains(gateway) && a.prefixLength() > bestLength) {
          best = i.ref().name();
          bestLength = a.prefixLength();
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private String connected(Name namespace) {
    String subnets = draft.interfacesOf(namespace).stream()
        .filter(i -> !(i.iface().kind() instanceof InterfaceKind.Loopback))
        .flatMap(i -> i.iface().addresses().stream().filter(a -> a.prefixLength() < a.family().bits())
            .map(a -> a.subnet() + " on " + i.ref().name()))
        .collect(Collectors.joining(", "));
    return subnets.isEmpty() ? "a connected subnet (" + namespace + " has no addressed interface)" : "one of " + subnets;
  }
}
