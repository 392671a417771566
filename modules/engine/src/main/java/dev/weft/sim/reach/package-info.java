/** Reachability for many pairs: a fast path over the compiled fabric that follows the same forwarding rules without bytes, with memoised per-hop decisions. */
@NullMarked
package dev.weft.sim.reach;

import org.jspecify.annotations.NullMarked;
