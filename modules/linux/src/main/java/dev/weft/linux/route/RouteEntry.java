package dev.weft.linux.route;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import java.util.Optional;
import java.util.OptionalInt;

/** A route as the kernel reports it. {@code type} is empty for rtm_type values weft does not name. */
public record RouteEntry(Cidr destination, Optional<IpAddress> gateway, OptionalInt outputIndex, boolean onlink,
    OptionalInt metric, RouteScope scope, int table, Optional<RouteType> type, Optional<IpAddress> source,
    int protocol) {}
