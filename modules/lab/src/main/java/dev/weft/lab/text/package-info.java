/** Text renderers for the lab commands' results. */
@NullMarked
package dev.weft.lab.text;

import org.jspecify.annotations.NullMarked;
