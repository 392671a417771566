/** Reads a topology document into the {@link dev.weft.topology.spec} input model, reporting as it goes. */
@NullMarked
package dev.weft.topology.parse;

import org.jspecify.annotations.NullMarked;
