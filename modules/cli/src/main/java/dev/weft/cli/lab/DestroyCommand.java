package dev.weft.cli.lab;

import dev.weft.cli.ExitCode;
import dev.weft.cli.TextOrJson;
import dev.weft.lab.LabName;
import dev.weft.lab.LabSelector;
import dev.weft.lab.Labs;
import dev.weft.lab.text.DeployText;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft destroy FILE|--lab NAME}: remove everything a lab created, with or without its file. */
@Command(name = "destroy", mixinStandardHelpOptions = true,
    description = {"Remove everything a lab created: its namespaces (with every link, address, route, "
        + "neighbour, FDB entry and rule in them) and its record under /run/weft/labs. The file may have "
        + "changed or be gone: the record says what to remove. Needs root."})
public final class DestroyCommand implements Callable<Integer> {
  private final LabEnvironment environment;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..1", description = "The topology file the lab was deployed from.")
  Optional<Path> file = Optional.empty();

  @Option(names = {"--lab", "--prefix"}, paramLabel = "NAME", converter = LabNameConverter.class,
      description = "The lab's name (instead of FILE).")
  Optional<LabName> lab = Optional.empty();

  @Mixin TextOrJson output;

  public DestroyCommand(LabEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    output.check();
    LabSelector selector = selector();
    environment.requireRoot("destroy");
    try (Labs labs = environment.open()) {
      output.print(labs.destroy(selector), DeployText::render);
    }
    return ExitCode.OK;
  }

  private LabSelector selector() {
    if (file.isPresent() == lab.isPresent()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          lab.isPresent() ? "give FILE or --lab NAME, not both" : "name the lab to destroy: give FILE or --lab NAME");
    }
    return lab.<LabSelector>map(LabSelector.ByName::new)
        .orElseGet(() -> new LabSelector.ByFile(file.orElseThrow().toAbsolutePath().normalize()));
  }
}
