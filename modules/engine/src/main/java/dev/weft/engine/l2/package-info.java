/** Layer-2 devices: veth crossing and the Linux-bridge switch with its forwarding database. */
@NullMarked
package dev.weft.engine.l2;

import org.jspecify.annotations.NullMarked;
