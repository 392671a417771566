package dev.weft.cli.lab;

import dev.weft.cli.ExitCode;
import dev.weft.cli.TextOrJson;
import dev.weft.cli.TopologyFiles;
import dev.weft.lab.LabName;
import dev.weft.lab.LabSelector;
import dev.weft.lab.Labs;
import dev.weft.lab.inspect.InspectReport;
import dev.weft.lab.text.InspectText;
import dev.weft.model.NetworkModel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft inspect [--lab NAME] [FILE]}: the lab as the kernel holds it, and its drift from the file.
 * Like {@code containerlab inspect} or {@code ip link show}, it reports and exits 0 whatever it finds;
 * {@code --exit-code} makes drift exit 3, as {@code git diff --exit-code} does for a difference.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = {"Show what a lab holds, read back from the kernel (links, addresses, routes, neighbours, FDB "
        + "entries, weft's iptables chains), and its drift from the topology: the changes 'weft deploy' would "
        + "make. Without FILE it compares with the file the lab was deployed from. Needs root."})
public final class InspectCommand implements Callable<Integer> {
  private final LabEnvironment environment;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..1", description = "Topology YAML file to compare with.")
  Optional<Path> file = Optional.empty();

  @Option(names = {"--lab", "--prefix"}, paramLabel = "NAME", converter = LabNameConverter.class,
      description = "The lab (default: the lab deployed from FILE, or the only lab).")
  Optional<LabName> lab = Optional.empty();

  @Option(names = "--exit-code", description = "Exit with 3 when the lab drifted from the topology.")
  boolean exitCode;

  @Mixin TextOrJson output;

  public InspectCommand(LabEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    output.check();
    Optional<NetworkModel> model = file.map(f -> new TopologyFiles().load(f, spec.commandLine().getErr()));
    environment.requireRoot("inspect");
    try (Labs labs = environment.open()) {
      Optional<LabName> name = lab.or(() -> file.map(f -> labs.resolve(new LabSelector.ByFile(f.toAbsolutePath()))));
      InspectReport report = labs.inspect(name, model);
      output.print(report, InspectText::render);
      return exitCode && report.drifted() ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }
  }
}
