/** The equivalence-class connectivity engine: pods and port ranges that every rule treats alike share a class; the result is computed over classes and expanded only for output. Supports incremental policy updates. */
@NullMarked
package dev.weft.policy.analysis;

import org.jspecify.annotations.NullMarked;
