package dev.weft.cli.verify;

import dev.weft.cli.ExitCode;
import dev.weft.cli.OutputFormat;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.verify.ConnectivityLister;
import dev.weft.policy.verify.Granularity;
import dev.weft.policy.verify.ReportFormat;
import dev.weft.policy.verify.ReportRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft verify list DIR…}: who reaches whom, on which protocols and ports. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the allowed connections between every pair of workloads (or pods), and to and from "
        + "external IP ranges.")
final class VerifyListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ManifestInputs inputs;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Manifest files or directories.")
  List<Path> paths;

  @Option(names = "--pods", description = "Report pod pairs instead of workload pairs.")
  boolean pods;

  @Option(names = {"-o", "--output", "--format"}, defaultValue = "text", description = "text, json, csv, markdown or dot")
  OutputFormat format;

  @Override
  public Integer call() {
    format.requireOneOf(spec, OutputFormat.TEXT, OutputFormat.JSON, OutputFormat.CSV, OutputFormat.MARKDOWN,
        OutputFormat.DOT);
    Cluster cluster = inputs.load(paths, spec.commandLine().getErr());
    var report = ConnectivityLister.list(cluster, pods ? Granularity.POD : Granularity.WORKLOAD);
    spec.commandLine().getOut().print(ReportRenderer.render(report, ReportFormat.valueOf(format.name())));
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
