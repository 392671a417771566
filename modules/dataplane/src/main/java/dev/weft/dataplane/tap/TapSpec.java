package dev.weft.dataplane.tap;

import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.value.InterfaceName;

/**
 * A TAP device to open: its name inside {@code namespace}, and whether frames carry a virtio-net
 * header so that the kernel may hand over (and take) TCP segments larger than the MTU.
 */
public record TapSpec(NetnsRef namespace, InterfaceName name, boolean offloads) {}
