/** host-local compatible and cluster block IP address allocators, and the weft-ipam plugin. */
@NullMarked
package dev.weft.ipam;

import org.jspecify.annotations.NullMarked;
