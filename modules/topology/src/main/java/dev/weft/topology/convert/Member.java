package dev.weft.topology.convert;

import dev.weft.model.InterfaceRef;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import dev.weft.topology.spec.OverlaySpec.MemberSpec;
import java.util.Optional;

/**
 * An overlay member after its references are resolved.
 *
 * @param bridge the member's bridge in its host's root namespace
 * @param gateway the bridge's first address, whose subnet an L3 overlay routes to
 * @param uplink the underlay interface the tunnel sends over
 * @param local the tunnel's source address (the uplink's)
 * @param underlayMtu the uplink's MTU, which the encapsulated packets must fit
 */
record Member(MemberSpec spec, Name host, InterfaceRef bridge, Optional<InterfaceAddress> gateway, InterfaceRef uplink,
    IpAddress local, Mtu underlayMtu) {}
