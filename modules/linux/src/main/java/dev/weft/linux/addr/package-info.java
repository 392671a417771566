/** IPv4 and IPv6 interface addresses (RTM_NEWADDR / RTM_DELADDR / RTM_GETADDR). */
@NullMarked
package dev.weft.linux.addr;

import org.jspecify.annotations.NullMarked;
