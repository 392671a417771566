package dev.weft.cli.sim;

import dev.weft.cli.ExitCode;
import dev.weft.cli.Json;
import dev.weft.cli.OutputFormat;
import dev.weft.cli.TopologyFiles;
import dev.weft.sim.Endpoint;
import dev.weft.sim.Protocol;
import dev.weft.sim.Simulator;
import dev.weft.sim.Target;
import dev.weft.sim.Trace;
import dev.weft.sim.TraceRequest;
import dev.weft.sim.render.TraceRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

  @Option(names = "--proto", defaultValue = "tcp", description = "tcp, udp or icmp (default tcp)")
  String protocol;

  @Option(names = "--dport", defaultValue = "80", description = "Destination port (default 80).")
  int dport;

  @Option(names = "--sport", defaultValue = "40000", description = "Source port (default 40000).")
  int sport;

  @Option(names = "--size", defaultValue = "100", paramLabel = "BYTES", description = "IP packet size in bytes, headers included (default 100).")
  int size;

  @Option(names = "--df", description = "Set Don't Fragment: too-big packets are dropped with ICMP frag-needed instead of fragmented.")
  boolean dontFragment;

  @Option(names = "--verbose", description = "Also show the ARP/NDP and ICMP traffic the packet causes.")
  boolean verbose;

  @Option(names = "--pcap", paramLabel = "DIR", description = "Write one pcap file per link crossed into DIR.")
  Optional<Path> pcap = Optional.empty();

  @Option(names = {"-o", "--output", "--format"}, defaultValue = "text", description = "text or json")
  OutputFormat format;

  @Override
  public Integer call() {
    format.requireOneOf(spec, OutputFormat.TEXT, OutputFormat.JSON);
    Simulator sim = Simulator.of(new TopologyFiles().load(file, spec.commandLine().getErr()));
    TraceRequest request = Simulators.request(() -> new TraceRequest(Endpoint.parse(from), Target.parse(to),
        Protocol.parse(protocol), sport, dport, size, dontFragment));
    Trace trace = Simulators.run(() -> run(sim, request));
    if (format == OutputFormat.JSON) {
      Json.write(spec.commandLine().getOut(), trace);
    } else {
      spec.commandLine().getOut().print((verbose ? TraceRenderer.verbose() : TraceRenderer.standard()).render(trace));
      spec.commandLine().getOut().flush();
    }
    return ExitCode.OK;
  }

  private Trace run(Simulator sim, TraceRequest request) {
    if (pcap.isEmpty()) {
      return sim.trace(request);
    }
    try {
      return sim.trace(request, pcap.get());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write pcap files to " + pcap.get(), e);
    }
  }
}
