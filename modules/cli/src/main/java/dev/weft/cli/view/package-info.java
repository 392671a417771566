/** Read-only views of a network model for the CLI: the summary of {@code weft show} and the graph exports. */
@NullMarked
package dev.weft.cli.view;

import org.jspecify.annotations.NullMarked;
