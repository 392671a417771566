package dev.weft.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: prints usage when called without a subcommand. */
@Command(
    name = "weft",
    mixinStandardHelpOptions = true,
    versionProvider = WeftVersion.class,
    description = "Container-network simulator, policy verifier and CNI control plane.",
    subcommands = {
      CheckCommand.class,
      ShowCommand.class,
      GraphCommand.class,
      dev.weft.cli.sim.SimCommand.class,
      dev.weft.cli.verify.VerifyCommand.class,
      dev.weft.cli.lab.DeployCommand.class,
      dev.weft.cli.lab.DestroyCommand.class,
      dev.weft.cli.lab.InspectCommand.class,
      dev.weft.cli.lab.ProbeCommand.class,
      dev.weft.cli.dataplane.DataplaneCommand.class,
      DemoCommand.class,
      CompletionCommand.class,
    })
public final class WeftCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCode.OK;
  }

  /** Exposed for {@code weft completion}. */
  static CommandLine root(CommandLine any) {
    CommandLine c = any;
    while (c.getParent() != null) {
      c = c.getParent();
    }
    return c;
  }
}
