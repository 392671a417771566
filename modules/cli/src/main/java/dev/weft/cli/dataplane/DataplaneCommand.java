package dev.weft.cli.dataplane;

import dev.weft.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code weft dataplane}: the userspace dataplane commands. */
@Command(name = "dataplane", mixinStandardHelpOptions = true,
    description = "Run a host's forwarding in userspace (TAP devices, VXLAN and GRE-in-UDP over UDP) and read its counters.",
    subcommands = {DataplaneRunCommand.class, DataplaneStatsCommand.class})
public final class DataplaneCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
