package dev.weft.engine.l2;

import dev.weft.model.InterfaceRef;
import dev.weft.model.value.Mtu;

/**
 * One port of a bridge: an enslaved interface, or the bridge's own interface towards its stack.
 *
 * @param hairpin whether frames may leave by the port they arrived on (off by default in Linux)
 */
public record BridgePort(InterfaceRef ref, Mtu mtu, boolean hairpin) {}
