/** The model compiled for simulation: one device spec per stack, bridge, veth pair, tunnel, segment and external network, and the wires between their ports. */
@NullMarked
package dev.weft.sim.fabric;

import org.jspecify.annotations.NullMarked;
