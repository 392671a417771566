package dev.weft.cli.lab;

import dev.weft.cli.DurationConverter;
import dev.weft.cli.ExitCode;
import dev.weft.cli.TextOrJson;
import dev.weft.cli.TopologyFiles;
import dev.weft.lab.LabName;
import dev.weft.lab.LabSelector;
import dev.weft.lab.Labs;
import dev.weft.lab.probe.ProbeOptions;
import dev.weft.lab.probe.ProbeReport;
import dev.weft.lab.text.ProbeText;
import dev.weft.model.NetworkModel;
import dev.weft.sim.Protocol;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft probe FILE}: real traffic in the deployed lab against the simulator's reach matrix. */
@Command(name = "probe", mixinStandardHelpOptions = true,
    description = {"Send real traffic between every pair of namespaces of a deployed lab (a TCP connect to "
        + "port 80, a UDP exchange on port 53, an ICMP echo) and compare with 'weft sim reach'. Prints one "
        + "agreement grid per protocol ('.' delivered on both sides, 'X' blocked on both, '!' a mismatch) and "
        + "every mismatch with both traces. Exits with 3 on any mismatch. Needs root."})
public final class ProbeCommand implements Callable<Integer> {
  private static final Duration LONGEST = Duration.ofMinutes(1);

  private final LabEnvironment environment;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The topology YAML file the lab was deployed from.")
  Path file;

  @Option(names = {"--prefix", "--lab"}, paramLabel = "NAME", converter = LabNameConverter.class,
      description = "The lab (default: the lab deployed from FILE, else the topology's default name).")
  Optional<LabName> lab = Optional.empty();

  @Option(names = "--proto", split = ",", paramLabel = "PROTO", description = "tcp, udp, icmp (default: all three).")
  List<String> protocols = new ArrayList<>();

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
      description = "How long each probe waits, such as 500ms or 2s (default 1s).")
  Duration timeout;

  @Option(names = "--exact", description = "Take the simulator's byte-level reading of every cell (slower).")
  boolean exact;

  @Option(names = "--no-trace", description = "Do not re-send mismatching probes under nftrace.")
  boolean noTrace;

  @Mixin TextOrJson output;

  public ProbeCommand(LabEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    output.check();
    ProbeOptions options = options();
    NetworkModel model = new TopologyFiles().load(file, spec.commandLine().getErr());
    environment.requireRoot("probe");
    try (Labs labs = environment.open()) {
      LabName name = lab.orElseGet(() -> labs.resolve(new LabSelector.ByFile(file.toAbsolutePath())));
      ProbeReport report = labs.probe(model, options.withLab(name));
      output.print(report, ProbeText::render);
      return report.agrees() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }
  }

  private ProbeOptions options() {
    if (timeout.isZero() || timeout.compareTo(LONGEST) > 0) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--timeout must be between 1ms and 1m, was " + timeout.toMillis() + "ms");
    }
    ProbeOptions options = ProbeOptions.defaults().withTimeout((int) timeout.toMillis()).withExact(exact)
        .withTracing(!noTrace);
    if (protocols.isEmpty()) {
      return options;
    }
    try {
      return options.withProtocols(protocols.stream().map(Protocol::parse).distinct().toList());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--proto: " + e.getMessage());
    }
  }
}
