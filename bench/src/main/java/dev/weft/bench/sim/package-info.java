/** JMH benchmarks of the simulator: traced packets per second and reachability over large generated clusters. */
@NullMarked
package dev.weft.bench.sim;

import org.jspecify.annotations.NullMarked;
