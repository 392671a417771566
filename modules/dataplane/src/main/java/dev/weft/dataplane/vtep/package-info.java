/**
 * A userspace tunnel endpoint beside the kernel's own stack: one host TAP and one underlay socket, for
 * the CNI plugin's {@code "dataplane": "weft"} overlay (VXLAN, and GRE-in-UDP where the kernel has no GRE).
 */
package dev.weft.dataplane.vtep;
