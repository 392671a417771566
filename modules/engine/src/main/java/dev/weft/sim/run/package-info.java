/** One simulation run: devices as Netty pipelines on EmbeddedChannels, moved between on in-memory wires, depth first and single-threaded, with a recorder turning handler events into trace steps. */
@NullMarked
package dev.weft.sim.run;

import org.jspecify.annotations.NullMarked;
