package dev.weft.cli.sim;

import dev.weft.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code weft sim}: the simulator commands. */
@Command(name = "sim", mixinStandardHelpOptions = true,
    description = "Simulate packets in a topology: hop-by-hop traces and reachability matrices.",
    subcommands = {SimTraceCommand.class, SimReachCommand.class})
public final class SimCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
