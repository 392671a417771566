package dev.weft.cli.dataplane;

import dev.weft.cli.ExitCode;
import dev.weft.cli.TextOrJson;
import dev.weft.cli.RefusedException;
import dev.weft.dataplane.stats.DataplaneStats;
import dev.weft.dataplane.stats.MetricsFormatException;
import dev.weft.dataplane.stats.StatsClient;
import dev.weft.dataplane.stats.StatsText;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code weft dataplane stats}: a running dataplane's counters, read from its loopback /metrics endpoint. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = {"Show a running dataplane's counters: packets and bytes in and out per port, drops by reason "
        + "(no route, policy, MTU, malformed) and the flow cache, read from its /metrics endpoint on 127.0.0.1."})
public final class DataplaneStatsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", defaultValue = "" + DataplaneRunCommand.DEFAULT_METRICS_PORT,
      description = "The dataplane's --metrics-port (default ${DEFAULT-VALUE}).")
  int port;

  @Mixin TextOrJson output;

  @Override
  public Integer call() {
    output.check();
    if (port < 1 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 1..65535, was " + port);
    }
    DataplaneStats stats;
    try {
      stats = StatsClient.fetch(port);
    } catch (IOException | MetricsFormatException e) {
      throw new RefusedException(e.getMessage(), e);
    }
    output.print(stats, StatsText::render);
    return ExitCode.OK;
  }
}
