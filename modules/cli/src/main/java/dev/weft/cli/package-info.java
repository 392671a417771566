/**
 * The {@code weft} command line (picocli). Each subcommand is a {@code Callable<Integer>} returning an
 * {@link dev.weft.cli.ExitCode}; shared options are mixins; {@link dev.weft.cli.CliErrors} is the one place
 * that turns exceptions into messages and exit codes.
 */
@NullMarked
package dev.weft.cli;

import org.jspecify.annotations.NullMarked;
