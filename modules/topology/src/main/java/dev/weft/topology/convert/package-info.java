/**
 * Converts a {@link dev.weft.topology.spec.TopologySpec} into a {@link dev.weft.model.NetworkModel}:
 * expands short forms, resolves references, generates devices, and checks how the parts fit together,
 * reporting every problem at the place in the file that caused it.
 */
@NullMarked
package dev.weft.topology.convert;

import org.jspecify.annotations.NullMarked;
