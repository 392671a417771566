/** Text renderings of traces and reachability matrices. */
@NullMarked
package dev.weft.sim.render;

import org.jspecify.annotations.NullMarked;
