/** JMH benchmarks for weft's engines. Run them as bench/README.md says; results go to bench/RESULTS.md. */
@NullMarked
package dev.weft.bench;

import org.jspecify.annotations.NullMarked;
