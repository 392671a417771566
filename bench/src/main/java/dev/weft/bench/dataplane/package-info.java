/**
 * The dataplane benchmark's runner: {@code bench/dataplane/compare.sh} starts weft's dataplane for one
 * emulated host through {@link dev.weft.bench.dataplane.DataplaneHost} (the CLI's {@code weft dataplane
 * run} being wired in parallel), then measures iperf3 between pods across the overlay.
 */
@NullMarked
package dev.weft.bench.dataplane;

import org.jspecify.annotations.NullMarked;
