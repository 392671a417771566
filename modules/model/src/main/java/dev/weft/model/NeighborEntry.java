package dev.weft.model;

import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;

/** A permanent neighbour (ARP/NDP) entry, as {@code ip neigh add ADDRESS lladdr MAC dev DEVICE nud permanent}. */
public record NeighborEntry(InterfaceName device, IpAddress address, Mac mac) {}
