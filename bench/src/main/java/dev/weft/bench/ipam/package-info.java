/** IPAM benchmarks: in-process allocate+release for both allocators, and the on-disk host-local store. */
@NullMarked
package dev.weft.bench.ipam;

import org.jspecify.annotations.NullMarked;
