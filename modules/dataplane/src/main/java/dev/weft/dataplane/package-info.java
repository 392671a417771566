/** Userspace dataplane: the forwarding engine on TAP devices and UDP underlays. */
@NullMarked
package dev.weft.dataplane;

import org.jspecify.annotations.NullMarked;
