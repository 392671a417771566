package dev.weft.cli.verify;

import dev.weft.cli.InvalidInputException;
import dev.weft.document.Diagnostic;
import dev.weft.model.netfilter.ConnState;
import dev.weft.model.netfilter.Hook;
import dev.weft.model.value.InvalidValueException;
import dev.weft.model.value.IpAddress;
import dev.weft.netfilter.pipeline.PacketPath;
import dev.weft.netfilter.save.IptablesSaveException;
import dev.weft.netfilter.verify.ChainsQuery;
import dev.weft.netfilter.verify.ChainsReport;
import dev.weft.netfilter.verify.ChainsVerifier;
import dev.weft.netfilter.verify.InvalidChainsQueryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft verify chains DUMP --from IP --to IP …}: traces one packet through a real iptables-save dump. */
@Command(name = "chains", mixinStandardHelpOptions = true,
    description = "Trace a packet through an iptables-save dump: every chain, the rule that matched (line and "
        + "comment), jumps and returns, NAT, and the final verdict.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:accepted on every possible path", "2:invalid input",
        "3:dropped or rejected, accepted only on some paths, or unknown"})
final class VerifyChainsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DUMP", description = "An iptables-save file.")
  Path dump;

  @Option(names = "--from", required = true, paramLabel = "IP", description = "Source address.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "IP", description = "Destination address.")
  String to;

  @Option(names = "--proto", defaultValue = "tcp", description = "tcp, udp, sctp, icmp or a number (default tcp)")
  String protocol;

  @Option(names = "--dport", description = "Destination port (the ICMP type for icmp).")
  Optional<Integer> dport = Optional.empty();

  @Option(names = "--sport", description = "Source port (default 32768).")
  Optional<Integer> sport = Optional.empty();

  @Option(names = "--in", paramLabel = "IFACE", description = "Interface the packet arrives on.")
  Optional<String> in = Optional.empty();

  @Option(names = "--out", paramLabel = "IFACE", description = "Interface the packet leaves by.")
  Optional<String> out = Optional.empty();

  @Option(names = "--hook", description = "Run only this hook: ${COMPLETION-CANDIDATES}.")
  Optional<Hook> hook = Optional.empty();

  @Option(names = "--path", description = "Path through the node: ${COMPLETION-CANDIDATES} (inferred by default).")
  Optional<PacketPath> path = Optional.empty();

  @Option(names = "--state", description = "Conntrack state instead of a new connection: ${COMPLETION-CANDIDATES}.")
  Optional<ConnState> state = Optional.empty();

  @Option(names = "--mark", defaultValue = "0", description = "Packet mark on arrival (decimal or 0x hex).")
  String mark;

  @Option(names = "--local", paramLabel = "[IFACE=]IP", description = "An address of this node (repeatable).")
  List<String> local = new ArrayList<>();

  @Option(names = "--ipsets", paramLabel = "FILE", description = "An 'ipset save' file for the sets the rules use.")
  Optional<Path> ipsets = Optional.empty();

  @Override
  public Integer call() {
    ChainsQuery query = new ChainsQuery(dump, ipsets, address("--from", from), address("--to", to), protocol,
        sport.map(OptionalInt::of).orElse(OptionalInt.empty()), dport.map(OptionalInt::of).orElse(OptionalInt.empty()),
        in, out, hook, path, state, parseMark(), localAddresses());
    ChainsReport report;
    try {
      report = new ChainsVerifier().run(query);
    } catch (IptablesSaveException e) {
      throw new InvalidInputException(e.problems().stream().map(Diagnostic::format).toList());
    } catch (InvalidChainsQueryException e) {
      throw new InvalidInputException(e.getMessage());
    }
    report.warnings().forEach(w -> spec.commandLine().getErr().println(w.format()));
    spec.commandLine().getErr().flush();
    spec.commandLine().getOut().print(report.text());
    spec.commandLine().getOut().println("verdict: " + report.summary());
    spec.commandLine().getOut().flush();
    return report.summary().exitCode();
  }

  private static IpAddress address(String option, String text) {
    try {
      return IpAddress.parse(text);
    } catch (InvalidValueException e) {
      throw new InvalidInputException(option + ": " + e.getMessage());
    }
  }

  private long parseMark() {
    try {
      return mark.startsWith("0x") ? Long.parseUnsignedLong(mark.substring(2), 16) : Long.parseLong(mark);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("--mark: '" + mark + "' is not a number (expected decimal or 0x hex)");
    }
  }

  private List<ChainsQuery.LocalAddress> localAddresses() {
    List<ChainsQuery.LocalAddress> out = new ArrayList<>();
    for (String text : local) {
      try {
        out.add(ChainsQuery.LocalAddress.parse(text));
      } catch (InvalidValueException e) {
        throw new InvalidInputException("--local: " + e.getMessage() + " (expected IP or IFACE=IP)");
      }
    }
    return out;
  }
}
