package dev.weft.cli.sim;

import dev.weft.cli.ExitCode;
import dev.weft.cli.TextOrJson;
import dev.weft.cli.TopologyFiles;
import dev.weft.sim.Endpoint;
import dev.weft.sim.Simulator;
import dev.weft.sim.Target;
import dev.weft.sim.Trace;
import dev.weft.sim.TraceRequest;
import dev.weft.sim.render.TraceRenderer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft sim trace}: one packet, hop by hop, ending in one disposition. */
@Command(name = "trace", mixinStandardHelpOptions = true,
    description = {"Trace one packet hop by hop: where it is, what decided, the headers when they change, and "
        + "the final disposition (DELIVERED, DROPPED with a reason, or EXITS_NETWORK)."})
final class SimTraceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "Topology YAML file.")
  Path file;

  @Option(names = "--from", required = true, paramLabel = "NS[:IFACE]", description = "Sending namespace (and interface).")
  String from;

  @Option(names = "--to", required = true, paramLabel = "ADDRESS|NS", description = "Destination address or namespace.")
  String to;

  @Mixin PacketOptions packet;

  @Option(names = "--sport", defaultValue = "40000", description = "Source port (default 40000).")
  int sport;

  @Option(names = "--verbose", description = "Also show the ARP/NDP and ICMP traffic the packet causes.")
  boolean verbose;

  @Mixin TextOrJson output;

  @Override
  public Integer call() {
    output.check();
    Simulator sim = Simulator.of(new TopologyFiles().load(file, spec.commandLine().getErr()));
    TraceRequest request = Simulators.request(() -> new TraceRequest(Endpoint.parse(from), Target.parse(to),
        packet.protocol(), sport, packet.dport, packet.size, packet.dontFragment));
    Trace trace = Simulators.run(() -> packet.run(() -> sim.trace(request), dir -> sim.trace(request, dir)));
    output.print(trace, (verbose ? TraceRenderer.verbose() : TraceRenderer.standard())::render);
    return ExitCode.OK;
  }
}
