package dev.weft.engine.message;

import dev.weft.model.InterfaceRef;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;

/** ARP or NDP taught the stack a neighbour's MAC: packets queued for it can now be sent. */
public record NeighborUpdate(InterfaceRef device, IpAddress address, Mac mac) {}
