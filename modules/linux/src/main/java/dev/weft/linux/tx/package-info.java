/** All-or-nothing multi-step driver operations: an undo log that rolls back what a failed operation created. */
@NullMarked
package dev.weft.linux.tx;

import org.jspecify.annotations.NullMarked;
