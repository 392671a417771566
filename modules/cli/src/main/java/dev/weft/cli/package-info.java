/** The weft command line. */
@NullMarked
package dev.weft.cli;

import org.jspecify.annotations.NullMarked;
