/** Netty forwarding handlers and the packet simulator. */
@NullMarked
package dev.weft.engine;

import org.jspecify.annotations.NullMarked;
