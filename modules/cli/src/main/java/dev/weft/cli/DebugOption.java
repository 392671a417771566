package dev.weft.cli;

import picocli.CommandLine.Option;

/** {@code --debug}: show stack traces. Mixed into every command so it may appear anywhere on the line. */
public final class DebugOption {
  @Option(names = "--debug", description = "Show stack traces for errors.", scope = picocli.CommandLine.ScopeType.INHERIT)
  boolean debug;
}
