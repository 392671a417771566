/**
 * Counters per port and per drop reason, written by the event-loop thread alone and read by others
 * (the Prometheus endpoint, {@code weft dataplane stats}), with their text formats.
 */
@NullMarked
package dev.weft.dataplane.stats;

import org.jspecify.annotations.NullMarked;
