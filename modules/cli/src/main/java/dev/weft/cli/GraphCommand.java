package dev.weft.cli;

import dev.weft.cli.view.ModelDot;
import dev.weft.cli.view.ModelGraphJson;
import dev.weft.model.NetworkModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft graph FILE -o dot|json}: the model graph for Graphviz or for tools. */
@Command(name = "graph", mixinStandardHelpOptions = true,
    description = {"Export the network graph.", "Render DOT with: weft graph FILE | dot -Tsvg > topology.svg"})
final class GraphCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "Topology YAML file.")
  Path file;

  @Option(names = {"-o", "--output", "--format"}, defaultValue = "dot", description = "dot or json")
  OutputFormat format;

  @Override
  public Integer call() {
    format.requireOneOf(spec, OutputFormat.DOT, OutputFormat.JSON);
    NetworkModel model = new TopologyFiles().load(file, spec.commandLine().getErr());
    if (format == OutputFormat.JSON) {
      Json.write(spec.commandLine().getOut(), ModelGraphJson.of(model));
    } else {
      ModelDot.print(model, spec.commandLine().getOut());
    }
    return ExitCode.OK;
  }
}
