/**
 * The forwarding graph of one host: the engine's handlers (bridges, veths, the host's IP stack with its
 * netfilter stages, VXLAN and GRE encap/decap), one device per pipeline as in the simulator, joined by
 * the model's wires, with TAP devices where pod stacks are and UDP sockets where the underlay is.
 */
@NullMarked
package dev.weft.dataplane.forward;

import org.jspecify.annotations.NullMarked;
