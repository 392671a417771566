package dev.weft.engine.message;

import dev.weft.engine.packet.ArpPacket;
import dev.weft.model.InterfaceRef;

/** A decoded ARP message received on an interface (it owns no bytes). */
public record ArpMessage(InterfaceRef port, ArpPacket arp) {}
