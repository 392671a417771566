/** iptables/nftables rule sets: the iptables-save parser, renderers, the evaluator and the tracer. */
@NullMarked
package dev.weft.netfilter;

import org.jspecify.annotations.NullMarked;
