/**
 * What the dataplane of one host runs, computed from the network model alone: the devices on that host
 * (bridges, veths, tunnels, the host's own stack without its kernel-owned uplinks), a TAP for every pod
 * interface wired to them, and the underlay sockets the tunnels need.
 */
@NullMarked
package dev.weft.dataplane.plan;

import org.jspecify.annotations.NullMarked;
