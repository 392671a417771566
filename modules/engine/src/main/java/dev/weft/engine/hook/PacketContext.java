package dev.weft.engine.hook;

import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Name;
import java.util.Optional;

/**
 * What a netfilter hook sees of a packet: the fields iptables matches on. Ports are 0 for protocols
 * without ports; {@code icmpType} is -1 unless the packet is ICMP or ICMPv6.
 *
 * @param in the interface the packet arrived on (PREROUTING, INPUT, FORWARD)
 * @param out the interface it will leave by (FORWARD, OUTPUT, POSTROUTING)
 */
public record PacketContext(
    Name namespace, HookPoint hook, Optional<InterfaceName> in, Optional<InterfaceName> out, IpAddress source,
    IpAddress destination, int protocol, int sourcePort, int destinationPort, int icmpType, int length) {}
