package dev.weft.cli;

import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Output formats. Each command accepts a subset and rejects the rest as invalid input. */
public enum OutputFormat {
  TEXT, JSON, DOT, CSV, MARKDOWN;

  /** Fails with a usage error (exit 2) unless this format is one of {@code allowed}. */
  public OutputFormat requireOneOf(CommandSpec spec, OutputFormat... allowed) {
    if (Arrays.asList(allowed).contains(this)) {
      return this;
    }
    throw new CommandLine.ParameterException(spec.commandLine(),
        "output format '" + keyword() + "' is not available here; expected one of "
            + String.join(", ", Arrays.stream(allowed).map(OutputFormat::keyword).toList()));
  }

  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }
}
