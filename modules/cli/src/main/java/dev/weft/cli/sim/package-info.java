/** {@code weft sim}: packet traces and reachability matrices over a topology. */
@NullMarked
package dev.weft.cli.sim;

import org.jspecify.annotations.NullMarked;
