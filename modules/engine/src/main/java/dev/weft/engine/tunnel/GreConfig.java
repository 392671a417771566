package dev.weft.engine.tunnel;

import dev.weft.model.InterfaceRef;
import dev.weft.model.value.IpAddress;
import java.util.Optional;

/** A point-to-point GRE device: gretap (Ethernet inside) when {@code ethernet}, else L3 GRE. */
public record GreConfig(InterfaceRef device, IpAddress local, IpAddress remote, Optional<Long> key, boolean ethernet) {}
