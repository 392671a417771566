/** Glue between the model and the simulator that the engine does not provide yet. */
@NullMarked
package dev.weft.lab.sim;

import org.jspecify.annotations.NullMarked;
