/**
 * Validated network values. Each type checks its invariant in its constructor, so an invalid value
 * cannot exist; {@code parse} methods report bad text as {@link dev.weft.model.value.InvalidValueException}.
 * {@code toString()} is the canonical text form and the JSON form.
 */
@NullMarked
package dev.weft.model.value;

import org.jspecify.annotations.NullMarked;
