/** Linux driver benchmarks: netlink operations per second in a scratch namespace (needs root). */
@NullMarked
package dev.weft.bench.linux;

import org.jspecify.annotations.NullMarked;
