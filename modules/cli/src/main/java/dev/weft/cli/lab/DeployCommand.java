package dev.weft.cli.lab;

import dev.weft.cli.ExitCode;
import dev.weft.cli.TextOrJson;
import dev.weft.cli.TopologyFiles;
import dev.weft.lab.LabName;
import dev.weft.lab.Labs;
import dev.weft.lab.deploy.DeployOptions;
import dev.weft.lab.deploy.DeployResult;
import dev.weft.lab.text.DeployText;
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

/** {@code weft deploy FILE [--prefix P]}: the topology as network namespaces on this host. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
    description = {"Create a topology on this host: every host and pod becomes a network namespace named "
        + "LAB-NAME. Deploying again changes only what differs from the file and prints each change. Needs root."})
public final class DeployCommand implements Callable<Integer> {
  private final LabEnvironment environment;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "Topology YAML file.")
  Path file;

  @Option(names = {"--prefix", "--lab"}, paramLabel = "NAME", converter = LabNameConverter.class,
      description = "Lab name, the prefix of every namespace (default: the topology's name, letters and digits only).")
  Optional<LabName> lab = Optional.empty();

  @Mixin TextOrJson output;

  public DeployCommand(LabEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    output.check();
    NetworkModel model = new TopologyFiles().load(file, spec.commandLine().getErr());
    environment.requireRoot("deploy");
    DeployOptions options = DeployOptions.defaults().withFile(file.toAbsolutePath().normalize());
    try (Labs labs = environment.open()) {
      DeployResult result = labs.deploy(model, lab.map(options::withLab).orElse(options));
      output.print(result, DeployText::render);
    }
    return ExitCode.OK;
  }
}
