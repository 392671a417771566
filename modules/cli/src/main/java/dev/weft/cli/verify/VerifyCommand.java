package dev.weft.cli.verify;

import dev.weft.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code weft verify}: the policy verification commands. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Verify network policy: Kubernetes manifests (list, eval, explain, assert, diff) and "
        + "iptables-save dumps (chains).",
    subcommands = {
      VerifyListCommand.class,
      VerifyEvalCommand.class,
      VerifyExplainCommand.class,
      VerifyAssertCommand.class,
      VerifyDiffCommand.class,
      VerifyChainsCommand.class,
    })
public final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
