package dev.weft.netfilter.pipeline;

import dev.weft.model.netfilter.Hook;
import dev.weft.netfilter.eval.CtInfo;
import dev.weft.netfilter.eval.Decision;
import dev.weft.netfilter.eval.NatRequest;
import dev.weft.netfilter.eval.Packet;
import dev.weft.netfilter.eval.TableOutcome;
import dev.weft.netfilter.eval.TraceStep;
import dev.weft.netfilter.eval.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Setting up a connection's translation on its first packet, and applying the recorded one to later
 * packets: destination manipulation at PREROUTING/OUTPUT, source manipulation at POSTROUTING/INPUT; a
 * reply gets the inverse (its destination set back to the original source, its source to the original
 * destination).
 */
final class Translations {
  private Translations() {}

  /** Forks the packet once per candidate endpoint of the nat target (or ends it UNKNOWN if there is none). */
  static <P> void setUp(NatTranslator nat, TableOutcome o, TrackedPacket after, List<TraceStep> steps, boolean trace,
      BiFunction<TrackedPacket, List<TraceStep>, P> make, List<P> next, List<HookOutcome> finished) {
    NatRequest request = o.nat().orElseThrow();
    switch (nat.candidates(request, after.context())) {
      case NatTranslator.Choice.Impossible i -> finished.add(new HookOutcome(Verdict.UNKNOWN,
          new Decision.Undecidable(i.reason(), decidingRule(o)), after, steps));
      case NatTranslator.Choice.Endpoints e -> {
        for (Endpoint ep : e.endpoints()) {
          TrackedPacket.Track t = after.track().orElseThrow();
          boolean dst = request instanceof NatRequest.Dnat;
          Packet p = after.context().packet();
          Packet rewritten = dst ? p.withDestination(ep.address(), ep.port()) : p.withSource(ep.address(), ep.port());
          Connection c = dst ? t.connection().withDnat(ep) : t.connection().withSnat(ep);
          CtInfo ct = after.context().ct();
          CtInfo newCt = new CtInfo(ct.state(), ct.snat() || !dst, ct.dnat() || dst);
          List<TraceStep> s = new ArrayList<>(steps);
          if (trace) {
            s.add(new TraceStep.Note((dst ? "DNAT " : "SNAT ") + endpoint(p, dst) + " -> " + ep
                + (e.endpoints().size() > 1 ? " (one of " + e.endpoints().size() + " addresses)" : "")));
          }
          next.add(make.apply(new TrackedPacket(after.context().withPacket(rewritten).withCt(newCt),
              Optional.of(new TrackedPacket.Track(c, t.reply(), t.confirmed()))), s));
        }
      }
    }
  }

  private static Optional<dev.weft.netfilter.eval.RuleRef> decidingRule(TableOutcome o) {
    return o.decision() instanceof Decision.ByRule r ? Optional.of(r.rule()) : Optional.empty();
  }

  private static Endpoint endpoint(Packet p, boolean dst) {
    return dst ? new Endpoint(p.dst(), p.dstPort()) : new Endpoint(p.src(), p.srcPort());
  }

  /** The translation a confirmed connection recorded, for this hook and direction. */
  static <P> P applyRecorded(Hook hook, TrackedPacket p, List<TraceStep> steps, boolean trace,
      BiFunction<TrackedPacket, List<TraceStep>, P> make) {
    TrackedPacket.Track t = p.track().orElseThrow();
    Connection c = t.connection();
    Packet pkt = p.context().packet();
    boolean dstManip = hook == Hook.PREROUTING || hook == Hook.OUTPUT;
    Optional<Endpoint> to;
    if (dstManip) {
      to = t.reply() ? c.snatTo().map(x -> new Endpoint(c.original().src(), c.original().srcPort())) : c.dnatTo();
    } else {
      to = t.reply() ? c.dnatTo().map(x -> new Endpoint(c.original().dst(), c.original().dstPort())) : c.snatTo();
    }
    List<TraceStep> s = new ArrayList<>(steps);
    if (trace) {
      s.add(new TraceStep.Note("nat " + hook + ": not the first packet, nat chains skipped"
          + to.map(e -> "; recorded translation: " + (dstManip ? "destination" : "source") + " -> " + e).orElse("")));
    }
    if (to.isEmpty()) {
      return make.apply(p, s);
    }
    Packet rewritten = dstManip ? pkt.withDestination(to.get().address(), to.get().port())
        : pkt.withSource(to.get().address(), to.get().port());
    return make.apply(p.withContext(p.context().withPacket(rewritten)), s);
  }
}
