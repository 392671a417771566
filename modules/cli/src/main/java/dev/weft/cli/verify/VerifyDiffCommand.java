package dev.weft.cli.verify;

import dev.weft.cli.ExitCode;
import dev.weft.cli.OutputFormat;
import dev.weft.policy.verify.ConnectivityDiff;
import dev.weft.policy.verify.Granularity;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft verify diff OLD NEW}: connections added, removed and changed between two versions. */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = "Compare the connectivity of two versions of the manifests: connections added, removed "
        + "and changed.")
final class VerifyDiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ManifestInputs inputs;

  @Parameters(index = "0", paramLabel = "OLD", description = "Old manifests (file or directory).")
  Path before;

  @Parameters(index = "1", paramLabel = "NEW", description = "New manifests (file or directory).")
  Path after;

  @Option(names = "--pods", description = "Compare pod pairs instead of workload pairs.")
  boolean pods;

  @Option(names = {"-o", "--output", "--format"}, defaultValue = "text", description = "text or json")
  OutputFormat format;

  @Override
  public Integer call() {
    format.requireOneOf(spec, OutputFormat.TEXT, OutputFormat.JSON);
    var err = spec.commandLine().getErr();
    ConnectivityDiff diff = ConnectivityDiff.between(inputs.load(List.of(before), err),
        inputs.load(List.of(after), err), pods ? Granularity.POD : Granularity.WORKLOAD);
    spec.commandLine().getOut().print(format == OutputFormat.JSON ? diff.renderJson() : diff.renderText());
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
