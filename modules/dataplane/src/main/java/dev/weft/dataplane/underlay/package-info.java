/**
 * The underlay: UDP sockets made inside the host's namespace (FFM on a namespace thread), then driven by
 * Netty's native epoll datagram channel with recvmmsg/sendmmsg batching; VXLAN (RFC 7348) and
 * GRE-in-UDP (RFC 8086) ride on them. VXLAN packets carrying a whole TCP batch may instead go into the
 * host's own stack through a TAP, for the kernel to forward as one GSO packet ({@link
 * dev.weft.dataplane.underlay.TunnelGsoPort}).
 */
@NullMarked
package dev.weft.dataplane.underlay;

import org.jspecify.annotations.NullMarked;
