/**
 * Lab benchmarks: deploy and destroy of a 3-host, 60-pod lab on the real kernel, and the simulator's reach
 * beside {@code weft probe} on the same lab. They need root and create namespaces named {@code wtb…},
 * removed on tear-down.
 */
@NullMarked
package dev.weft.bench.lab;

import org.jspecify.annotations.NullMarked;
