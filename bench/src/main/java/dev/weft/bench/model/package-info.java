/** Benchmarks of building the network model. */
@NullMarked
package dev.weft.bench.model;

import org.jspecify.annotations.NullMarked;
