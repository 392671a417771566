package dev.weft.cli;

import dev.weft.cli.view.ModelGraphJson;
import dev.weft.cli.view.ModelSummary;
import dev.weft.model.NetworkModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft show FILE}: a readable summary of a topology. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Summarise a topology: hosts, namespaces, interfaces, addresses, links and routes.")
final class ShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "Topology YAML file.")
  Path file;

  @Option(names = {"-o", "--output", "--format"}, defaultValue = "text", description = "text or json")
  OutputFormat format;

  @Override
  public Integer call() {
    format.requireOneOf(spec, OutputFormat.TEXT, OutputFormat.JSON);
    NetworkModel model = new TopologyFiles().load(file, spec.commandLine().getErr());
    if (format == OutputFormat.JSON) {
      Json.write(spec.commandLine().getOut(), ModelGraphJson.of(model));
    } else {
      ModelSummary.print(model, spec.commandLine().getOut());
    }
    return ExitCode.OK;
  }
}
