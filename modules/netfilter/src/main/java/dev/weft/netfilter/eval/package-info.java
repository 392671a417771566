/**
 * The concrete interpreter of the rule-set algebra: one packet (with its hook metadata) through the
 * chains of one table at one hook, with jump/goto/RETURN/policy semantics, returning the set of possible
 * outcomes. The same walk records trace steps when asked, which is what the tracer shows.
 */
@NullMarked
package dev.weft.netfilter.eval;

import org.jspecify.annotations.NullMarked;
