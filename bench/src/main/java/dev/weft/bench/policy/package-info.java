/** Benchmarks of the policy verifier: class-based all-pairs connectivity, incremental updates, the naive baseline. */
@NullMarked
package dev.weft.bench.policy;

import org.jspecify.annotations.NullMarked;
