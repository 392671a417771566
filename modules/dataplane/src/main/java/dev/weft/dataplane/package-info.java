/**
 * The userspace dataplane: the simulator's forwarding handlers on real TAP devices and UDP underlays.
 * {@link dev.weft.dataplane.Dataplane} starts one host's dataplane from a network model.
 */
@NullMarked
package dev.weft.dataplane;

import org.jspecify.annotations.NullMarked;
