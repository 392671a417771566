package dev.weft.cli.verify;

import dev.weft.cli.ExitCode;
import dev.weft.cli.InvalidInputException;
import dev.weft.cli.OutputFormat;
import dev.weft.policy.verify.PolicyExplainer;
import dev.weft.policy.verify.UnknownEndpointException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft verify explain}: the policies and rules behind a pair, direction by direction. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "For each direction: the policies that select the pods, the rules that allow, and why "
        + "everything else is denied.")
final class VerifyExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ManifestInputs inputs;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Manifest files or directories.")
  List<Path> paths;

  @Option(names = "--src", required = true, paramLabel = "NS/NAME", description = "Source workload or pod.")
  String source;

  @Option(names = "--dst", required = true, paramLabel = "NS/NAME|IP", description = "Destination workload, pod or IP.")
  String destination;

  @Option(names = {"-o", "--output", "--format"}, defaultValue = "text", description = "text or json")
  OutputFormat format;

  @Override
  public Integer call() {
    format.requireOneOf(spec, OutputFormat.TEXT, OutputFormat.JSON);
    var cluster = inputs.load(paths, spec.commandLine().getErr());
    try {
      var explanation = new PolicyExplainer(cluster).explain(source, destination);
      spec.commandLine().getOut().print(format == OutputFormat.JSON
          ? PolicyExplainer.renderJson(explanation) : PolicyExplainer.renderText(explanation));
    } catch (UnknownEndpointException e) {
      throw new InvalidInputException(e.getMessage());
    }
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
