package dev.weft.topology.spec;

import dev.weft.document.Located;
import dev.weft.document.Origin;
import dev.weft.model.NetworkMode;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** One host: its uplinks, bridges, containers and the veths that wire them. */
public record HostSpec(
    Located<Name> name, boolean ipForward, List<UplinkSpec> uplinks, List<RouteSpec> routes,
    Optional<ChainsSpec> chains, List<BridgeSpec> bridges,
    List<NamespaceSpec> namespaces, List<VethSpec> veths, List<PodGroupSpec> pods, Origin origin) {

  public HostSpec {
    uplinks = List.copyOf(uplinks);
    routes = List.copyOf(routes);
    bridges = List.copyOf(bridges);
    namespaces = List.copyOf(namespaces);
    veths = List.copyOf(veths);
    pods = List.copyOf(pods);
  }

  /**
   * A physical interface plugged into a network. The short form {@code underlay: ADDRESS} becomes an
   * uplink named eth0 on the underlay network.
   */
  public record UplinkSpec(
      Located<InterfaceName> name, Located<Name> network, Optional<Located<InterfaceAddress>> address,
      Optional<Located<Mtu>> mtu, Optional<Located<Mac>> mac, Origin origin) {}

  /**
   * A Linux bridge in the host's root namespace.
   *
   * @param gateway the bridge's own address, whose subnet is the bridge's subnet
   */
  public record BridgeSpec(
      Located<InterfaceName> name, Optional<Located<InterfaceAddress>> gateway, Located<Boolean> ipMasq,
      Optional<Located<Mtu>> mtu, Duration fdbAgeing, Optional<Located<Mac>> mac, Origin origin) {}

  /** A veth pair between two endpoints of this host. */
  public record VethSpec(List<Located<Endpoint>> endpoints, Origin origin) {
    public VethSpec {
      endpoints = List.copyOf(endpoints);
    }
  }

  /** One end of a veth, as written in {@code endpoints}. */
  public sealed interface Endpoint {
    /** {@code NS:IF}: that interface of that namespace (or, for the host's own name, a new host-side veth). */
    record Interface(Name namespace, InterfaceName name) implements Endpoint {
      @Override
      public String toString() {
        return namespace + ":" + name;
      }
    }

    /** A bare bridge name: a new, automatically named port on that bridge. */
    record Bridge(InterfaceName bridge) implements Endpoint {
      @Override
      public String toString() {
        return bridge.toString();
      }
    }
  }

  /**
   * The short form for N identical containers on one bridge: namespaces NAME-1..NAME-N, each with eth0
   * addressed in order from the bridge's subnet and a default route via the bridge's gateway.
   */
  public record PodGroupSpec(
      Located<Name> name, Located<Integer> count, Located<InterfaceName> bridge, Located<NetworkMode> mode,
      Optional<Located<Mtu>> mtu, Origin origin) {}
}
