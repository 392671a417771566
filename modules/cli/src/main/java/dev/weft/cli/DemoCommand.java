package dev.weft.cli;

import dev.weft.cli.view.ModelSummary;
import dev.weft.model.NetworkModel;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code weft demo}: what weft does, on the bundled two-host VXLAN topology. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Show what weft does on the bundled example topology (two hosts joined by VXLAN).")
final class DemoCommand implements Callable<Integer> {
  static final String TOPOLOGY = "two-host-vxlan.yaml";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    NetworkModel model = new TopologyFiles().loadBundled(TOPOLOGY, spec.commandLine().getErr());
    section(out, "1. Load and validate topologies/" + TOPOLOGY + "   (weft check)");
    out.printf("ok: %s%n", CheckCommand.summary(model));
    section(out, "2. The network model   (weft show)");
    ModelSummary.print(model, out);
    section(out, "3. Next steps");
    out.println("  weft graph topologies/" + TOPOLOGY + " | dot -Tsvg > vxlan.svg   draw it");
    out.println("  weft check topologies/*.yaml                                    validate every example");
    out.flush();
    return ExitCode.OK;
  }

  static void section(PrintWriter out, String title) {
    out.println();
    out.println("== " + title);
    out.println();
  }
}
