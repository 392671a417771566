package dev.weft.cli.sim;

import dev.weft.cli.ExitCode;
import dev.weft.cli.Json;
import dev.weft.cli.OutputFormat;
import dev.weft.cli.TopologyFiles;
import dev.weft.model.value.Name;
import dev.weft.sim.Simulator;
import dev.weft.sim.reach.ReachMatrix;
import dev.weft.sim.reach.ReachRequest;
import dev.weft.sim.render.ReachRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft sim reach}: the reachability matrix between namespaces. */
@Command(name = "reach", mixinStandardHelpOptions = true,
    description = {"Reachability between every pair of namespaces (or the subsets given): '.' reaches, 'X' does "
        + "not, as in the Kubernetes netpol truth tables."})
final class SimReachCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "Topology YAML file.")
  Path file;

  @Option(names = "--from", paramLabel = "NS", split = ",", description = "Source namespaces (default: all).")
  List<String> from = new ArrayList<>();

  @Option(names = "--to", paramLabel = "NS", split = ",", description = "Destination namespaces (default: all).")
  List<String> to = new ArrayList<>();

  @Mixin PacketOptions packet;

  @Option(names = "--explain", description = "Give the reason for each blocked cell.")
  boolean explain;

  @Option(names = {"-o", "--output", "--format"}, defaultValue = "text", description = "text, json or csv")
  OutputFormat format;

  @Override
  public Integer call() {
    format.requireOneOf(spec, OutputFormat.TEXT, OutputFormat.JSON, OutputFormat.CSV);
    Simulator sim = Simulator.of(new TopologyFiles().load(file, spec.commandLine().getErr()));
    ReachRequest request = Simulators.request(() -> new ReachRequest(names(from), names(to),
        packet.protocol(), packet.dport, packet.size, packet.dontFragment));
    ReachMatrix matrix = Simulators.run(() -> packet.run(() -> sim.reach(request), dir -> sim.reach(request, dir)));
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case JSON -> Json.write(out, matrix);
      case CSV -> out.print(ReachRenderer.csv(matrix));
      default -> {
        out.print(ReachRenderer.grid(matrix));
        if (explain) {
          out.println();
          out.print(ReachRenderer.explain(matrix));
        }
      }
    }
    out.flush();
    return ExitCode.OK;
  }

  private static List<Name> names(List<String> texts) {
    return texts.stream().map(Name::of).toList();
  }
}
