/** The inspect command: what a lab holds on the kernel, and how it drifted from its topology file. */
@NullMarked
package dev.weft.lab.inspect;

import org.jspecify.annotations.NullMarked;
