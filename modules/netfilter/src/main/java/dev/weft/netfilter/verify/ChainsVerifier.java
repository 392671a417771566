package dev.weft.netfilter.verify;

import dev.weft.model.netfilter.ConnState;
import dev.weft.model.netfilter.IpProtocol;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InvalidValueException;
import dev.weft.model.value.IpAddress;
import dev.weft.netfilter.eval.CtInfo;
import dev.weft.netfilter.eval.HostFacts;
import dev.weft.netfilter.eval.L4;
import dev.weft.netfilter.eval.Packet;
import dev.weft.netfilter.eval.PacketContext;
import dev.weft.netfilter.eval.Verdict;
import dev.weft.netfilter.pipeline.Connection;
import dev.weft.netfilter.pipeline.Conntrack;
import dev.weft.netfilter.pipeline.HookResult;
import dev.weft.netfilter.pipeline.NetfilterPipeline;
import dev.weft.netfilter.pipeline.PacketPath;
import dev.weft.netfilter.pipeline.TrackedPacket;
import dev.weft.netfilter.pipeline.Tuple;
import dev.weft.netfilter.save.IpsetSaveParser;
import dev.weft.netfilter.save.IptablesSaveException;
import dev.weft.netfilter.save.IptablesSaveParser;
import dev.weft.netfilter.save.ParsedRuleset;
import dev.weft.document.Diagnostic;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers a {@link ChainsQuery}: reads the dump (and ipsets), builds the packet, runs it through the
 * pipeline with tracing on and returns the explanation. Malformed dumps come out as an
 * {@link IptablesSaveException} whose problems carry file, line and column; bad options as an
 * {@link InvalidChainsQueryException}.
 */
public final class ChainsVerifier {
  private final IptablesSaveParser parser = new IptablesSaveParser();
  private final IpsetSaveParser ipsetParser = new IpsetSaveParser();

  public ChainsReport run(ChainsQuery q) throws IptablesSaveException, InvalidChainsQueryException {
    ParsedRuleset parsed = parser.parse(q.dump());
    List<Diagnostic> warnings = new ArrayList<>(parsed.warnings());
    Ruleset rules = parsed.ruleset();
    if (q.ipsets().isPresent()) {
      IpsetSaveParser.ParsedIpsets sets = ipsetParser.parse(q.ipsets().get());
      warnings.addAll(sets.warnings());
      rules = rules.withIpsets(sets.sets());
    }
    Packet packet = packet(q);
    PacketPath path = q.path().orElseGet(() -> inferPath(q));
    HostFacts facts = facts(q, path);
    PacketContext ctx = new PacketContext(packet, q.in(), q.out(), q.mark(), CtInfo.NEW, Optional.empty());
    TrackedPacket start = q.state().isPresent() ? assumed(ctx, q.state().get()) : TrackedPacket.fresh(ctx);
    NetfilterPipeline pipeline = new NetfilterPipeline(rules, facts, new Conntrack(), true);
    HookResult result = q.hook().isPresent() ? pipeline.traceHook(q.hook().get(), start)
        : pipeline.traverse(path, start, true);
    String header = "packet: " + dev.weft.netfilter.trace.TraceFormatter.describe(ctx) + "\n"
        + "where:  " + q.hook().map(h -> "hook " + h).orElse("path " + path + " " + path.hooks()) + "\n"
        + "rules:  " + q.dump() + " (" + count(rules.tables().size(), "table") + " changed from the default, "
        + count(warnings.size(), "warning") + ")\n";
    return new ChainsReport(header + new ReportText().outcomes(result), result.verdicts(), summary(result.verdicts()),
        warnings);
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  static ChainsReport.Summary summary(Set<Verdict> verdicts) {
    if (verdicts.contains(Verdict.UNKNOWN)) {
      return ChainsReport.Summary.UNKNOWN;
    }
    if (verdicts.equals(EnumSet.of(Verdict.ACCEPT))) {
      return ChainsReport.Summary.ACCEPTED;
    }
    return verdicts.contains(Verdict.ACCEPT) ? ChainsReport.Summary.DEPENDS : ChainsReport.Summary.DENIED;
  }

  private static Packet packet(ChainsQuery q) throws InvalidChainsQueryException {
    if (!q.from().isIpv4() || !q.to().isIpv4()) {
      throw new InvalidChainsQueryException("--from and --to must be IPv4 addresses (iptables rule sets are IPv4)");
    }
    IpProtocol proto;
    try {
      proto = IpProtocol.parse(q.protocol()).orElseThrow(() ->
          new InvalidChainsQueryException("--proto must name one protocol, not " + q.protocol()));
    } catch (InvalidValueException e) {
      throw new InvalidChainsQueryException("--proto: " + e.getMessage());
    }
    int sport = q.sport().orElse(32768);
    if (proto.hasPorts()) {
      int dport = q.dport().orElseThrow(() -> new InvalidChainsQueryException("--dport is required for " + proto));
      checkPort("--sport", sport);
      checkPort("--dport", dport);
      return new Packet(q.from(), q.to(), proto.number(), new L4.Ports(sport, dport));
    }
    if (proto.equals(IpProtocol.ICMP)) {
      int type = q.dport().orElse(8);
      if (type > 255) {
        throw new InvalidChainsQueryException("for icmp, --dport is the ICMP type (0 to 255), not " + type);
      }
      return new Packet(q.from(), q.to(), 1, new L4.Icmp(type, 0));
    }
    return new Packet(q.from(), q.to(), proto.number(), new L4.None());
  }

  private static void checkPort(String option, int port) throws InvalidChainsQueryException {
    if (port < 0 || port > 65535) {
      throw new InvalidChainsQueryException(option + " must be from 0 to 65535, not " + port);
    }
  }

  private static PacketPath inferPath(ChainsQuery q) {
    Set<IpAddress> local = new java.util.HashSet<>();
    q.local().forEach(l -> local.add(l.address()));
    if (q.in().isPresent() && q.out().isPresent()) {
      return PacketPath.FORWARD;
    }
    if (q.in().isPresent() || local.contains(q.to())) {
      return PacketPath.LOCAL_IN;
    }
    if (q.out().isPresent() || local.contains(q.from())) {
      return PacketPath.LOCAL_OUT;
    }
    return PacketPath.FORWARD;
  }

  /** The node's addresses: those given, plus the destination of a delivered or the source of a generated packet. */
  private static HostFacts facts(ChainsQuery q, PacketPath path) {
    Map<String, List<InterfaceAddress>> byIface = new LinkedHashMap<>();
    for (ChainsQuery.LocalAddress l : q.local()) {
      byIface.computeIfAbsent(l.iface().orElse(""), k -> new ArrayList<>()).add(new InterfaceAddress(l.address(), 32));
    }
    if (path == PacketPath.LOCAL_IN) {
      byIface.computeIfAbsent(q.in().orElse(""), k -> new ArrayList<>()).add(new InterfaceAddress(q.to(), 32));
    }
    if (path == PacketPath.LOCAL_OUT) {
      byIface.computeIfAbsent(q.out().orElse(""), k -> new ArrayList<>()).add(new InterfaceAddress(q.from(), 32));
    }
    return HostFacts.of(byIface);
  }

  /** A packet of an existing connection: the nat table is not consulted. */
  private static TrackedPacket assumed(PacketContext ctx, ConnState state) throws InvalidChainsQueryException {
    if (state == ConnState.SNAT || state == ConnState.DNAT) {
      throw new InvalidChainsQueryException("--state takes NEW, ESTABLISHED, RELATED, INVALID or UNTRACKED");
    }
    if (state == ConnState.NEW) {
      return TrackedPacket.fresh(ctx);
    }
    Connection c = Connection.of(Tuple.of(ctx.packet()));
    return new TrackedPacket(ctx.withCt(new CtInfo(state, false, false)),
        Optional.of(new TrackedPacket.Track(c, false, true)));
  }
}
