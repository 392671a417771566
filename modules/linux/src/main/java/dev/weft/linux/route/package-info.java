/** IPv4 and IPv6 routes (RTM_NEWROUTE / RTM_DELROUTE / RTM_GETROUTE), including onlink and via. */
@NullMarked
package dev.weft.linux.route;

import org.jspecify.annotations.NullMarked;
