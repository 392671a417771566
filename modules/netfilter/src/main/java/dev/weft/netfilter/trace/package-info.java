/** Explaining a traversal: trace steps as readable text (chains entered, rules matched, jumps, verdicts). */
@NullMarked
package dev.weft.netfilter.trace;

import org.jspecify.annotations.NullMarked;
