/**
 * {@code weft dataplane run} and {@code weft dataplane stats}: thin commands over {@link
 * dev.weft.dataplane.Dataplane} and {@link dev.weft.dataplane.stats.StatsClient}, plus the hand-over of a
 * lab host from the kernel to the userspace dataplane.
 */
@NullMarked
package dev.weft.cli.dataplane;

import org.jspecify.annotations.NullMarked;
