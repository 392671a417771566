package dev.weft.topology.convert;

import dev.weft.document.DidYouMean;
import dev.weft.document.Diagnostic;
import dev.weft.document.Located;
import dev.weft.document.Origin;
import dev.weft.model.Segment;
import dev.weft.model.SegmentKind;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import dev.weft.topology.TopologyProblem;
import dev.weft.topology.spec.TopologySpec;
import dev.weft.topology.spec.TopologySpec.NetworkSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.TreeMap;

/**
 * The segments hosts plug their uplinks into: the implicit underlay and the declared networks. A
 * network's subnet is the declared one or, failing that, the subnets of the addresses plugged into it.
 */
final class Networks {
  /** What is known about one network while uplinks are converted. */
  private static final class Network {
    final Name name;
    final SegmentKind kind;
    final Optional<Located<Cidr>> subnet;
    final Mtu mtu;
    final TreeMap<Cidr, Origin> seen = new TreeMap<>();
    boolean used;

    Network(Name name, SegmentKind kind, Optional<Located<Cidr>> subnet, Mtu mtu) {
      this.name = name;
      this.kind = kind;
      this.subnet = subnet;
      this.mtu = mtu;
    }
  }

  private final Map<Name, Network> networks = new LinkedHashMap<>();
  private final Map<Name, Origin> origins = new LinkedHashMap<>();
  private final boolean underlayDeclared;

  Networks(TopologySpec spec, Draft draft) {
    TopologySpec.UnderlaySpec u = spec.underlay();
    underlayDeclared = u.declared();
    networks.put(TopologySpec.UNDERLAY, new Network(TopologySpec.UNDERLAY, SegmentKind.UNDERLAY, u.subnet(), u.mtu().value()));
    origins.put(TopologySpec.UNDERLAY, u.origin());
    for (NetworkSpec n : spec.networks()) {
      Name name = n.name().value();
      Origin first = origins.get(name);
      if (first != null) {
        Diagnostic d = Diagnostic.error(TopologyProblem.DUPLICATE_NAME, n.name().origin(),
            "network name '" + name + "' is already used" + (name.equals(TopologySpec.UNDERLAY)
                ? " by the implicit underlay network" : " (line " + first.location().line() + ")"))
            .expecting("a name no other network has");
        draft.diagnostics().add(name.equals(TopologySpec.UNDERLAY)
            ? d.withHint("set the underlay's mtu and subnet with the top-level 'underlay:' key") : d);
        continue;
      }
      networks.put(name, new Network(name, n.kind(), n.subnet(), n.mtu().value()));
      origins.put(name, n.origin());
    }
  }

  /** Plugs an uplink into a network: checks the reference and that the address is in its subnet. */
  Optional<Mtu> plug(Located<Name> network, Optional<Located<InterfaceAddress>> address, Draft draft) {
    Network n = networks.get(network.value());
    if (n == null) {
      draft.diagnostics().add(Diagnostic.error(TopologyProblem.UNKNOWN_REFERENCE, network.origin(),
              "no network named '" + network.value() + "'")
          .expecting("'underlay' or one of the names under networks:")
          .withHint(DidYouMean.hint(network.value().toString(), networks.keySet().stream().map(Name::toString).toList())));
      return Optional.empty();
    }
    n.used = true;
    address.ifPresent(a -> {
      n.seen.putIfAbsent(a.value().subnet(), a.origin());
      n.subnet.filter(s -> !s.value().contains(a.value().address())).ifPresent(s -> draft.diagnostics().error(
          TopologyProblem.OUTSIDE_SUBNET, a.origin(),
          "address " + a.value() + " is outside the subnet " + s.value() + " of network " + n.name,
          "an address in " + s.value()));
    });
    return Optional.of(n.mtu);
  }

  Optional<SegmentKind> kind(Name network) {
    return Optional.ofNullable(networks.get(network)).map(n -> n.kind);
  }

  /** Declared networks, and the underlay when declared or used, become segments of the draft. */
  void finish(Draft draft) {
    for (Network n : networks.values()) {
      if (n.name.equals(TopologySpec.UNDERLAY) && !n.used && !underlayDeclared) {
        continue;
      }
      List<Cidr> subnets = n.subnet.map(s -> List.of(s.value())).orElse(List.copyOf(n.seen.keySet()));
      draft.addSegment(new Segment(n.name, n.kind, subnets, n.mtu));
    }
  }

  /** Every declared network subnet with where it was written, for the overlap check. */
  Map<Cidr, Origin> declaredSubnets() {
    Map<Cidr, Origin> out = new LinkedHashMap<>();
    networks.values().forEach(n -> n.subnet.ifPresent(s -> out.putIfAbsent(s.value(), s.origin())));
    return out;
  }

  /** Subnets of addresses plugged into networks, each with its network and first use, for the overlap check. */
  Map<Cidr, Located<Name>> usedSubnets() {
    Map<Cidr, Located<Name>> out = new LinkedHashMap<>();
    networks.values().forEach(n -> n.seen.forEach((c, o) -> out.putIfAbsent(c, new Located<>(n.name, o))));
    return out;
  }
}
