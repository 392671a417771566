package dev.weft.topology.spec;

import dev.weft.document.Located;
import dev.weft.document.Origin;
import dev.weft.model.NetworkMode;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import java.util.List;
import java.util.Optional;

/** A container's network namespace on a host. */
public record NamespaceSpec(
    Located<Name> name, Located<NetworkMode> mode, boolean ipForward, List<InterfaceSpec> interfaces,
    List<RouteSpec> routes, Optional<ChainsSpec> chains, Origin origin) {

  public NamespaceSpec {
    interfaces = List.copyOf(interfaces);
    routes = List.copyOf(routes);
  }

  /** A container-side interface (one end of a veth named in the host's {@code veths}). */
  public record InterfaceSpec(
      Located<InterfaceName> name, List<Located<InterfaceAddress>> addresses, Optional<Located<Mtu>> mtu,
      Optional<Located<Mac>> mac, Origin origin) {
    public InterfaceSpec {
      addresses = List.copyOf(addresses);
    }
  }

  /** Where a route leads: {@code default} (its family follows the gateway) or a prefix. */
  public sealed interface Destination {
    record Default() implements Destination {
      @Override
      public String toString() {
        return "default";
      }
    }

    record Prefix(Cidr cidr) implements Destination {
      @Override
      public String toString() {
        return cidr.toString();
      }
    }
  }
}
