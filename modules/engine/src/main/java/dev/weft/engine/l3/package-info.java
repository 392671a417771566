/** A namespace's IP stack as a Netty pipeline: link input, ARP and NDP, routing, netfilter hooks, MTU, reassembly, local sockets and neighbour resolution. */
@NullMarked
package dev.weft.engine.l3;

import org.jspecify.annotations.NullMarked;
