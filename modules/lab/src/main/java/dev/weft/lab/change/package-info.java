/** The difference between desired and observed kernel state as an ordered list of changes, and the code that applies them all or nothing. */
@NullMarked
package dev.weft.lab.change;

import org.jspecify.annotations.NullMarked;
