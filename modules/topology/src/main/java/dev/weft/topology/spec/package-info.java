/**
 * The topology file's own input model: records that mirror the YAML keys, each value with where it was
 * written so that later checks can point back at the file. Nothing here is validated beyond single
 * values; {@link dev.weft.topology.convert} checks how the parts fit together.
 */
@NullMarked
package dev.weft.topology.spec;

import org.jspecify.annotations.NullMarked;
