/** The model's iptables rule sets plugged into the simulator's netfilter hooks. */
@NullMarked
package dev.weft.sim.netfilter;

import org.jspecify.annotations.NullMarked;
