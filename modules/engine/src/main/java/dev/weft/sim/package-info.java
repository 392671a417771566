/**
 * The packet simulator: traces one packet through a model hop by hop on real bytes
 * ({@link dev.weft.sim.Simulator#trace}), and answers reachability for many pairs at once
 * ({@link dev.weft.sim.Simulator#reach}). Results are plain records, ready for JSON.
 */
@NullMarked
package dev.weft.sim;

import org.jspecify.annotations.NullMarked;
