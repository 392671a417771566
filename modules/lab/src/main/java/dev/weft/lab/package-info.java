/** Labs on the real kernel: deploy a topology, read it back, probe it, and destroy it. */
@NullMarked
package dev.weft.lab;

import org.jspecify.annotations.NullMarked;
