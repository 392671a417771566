package dev.weft.topology.spec;

import dev.weft.document.Located;
import dev.weft.document.Origin;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.topology.spec.NamespaceSpec.Destination;
import java.util.Optional;

/**
 * A static route of a host or container. Without {@code dev}, the device is found as the kernel finds
 * it: the interface whose connected subnet holds the gateway.
 */
public record RouteSpec(
    Located<Destination> dst, Optional<Located<IpAddress>> via, Optional<Located<InterfaceName>> dev,
    boolean onlink, int metric, Origin origin) {}
