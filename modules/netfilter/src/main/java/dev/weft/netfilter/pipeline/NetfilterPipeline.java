package dev.weft.netfilter.pipeline;

import dev.weft.model.netfilter.Hook;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.netfilter.Table;
import dev.weft.netfilter.eval.CtInfo;
import dev.weft.netfilter.eval.Decision;
import dev.weft.netfilter.eval.HostFacts;
import dev.weft.netfilter.eval.PacketContext;
import dev.weft.netfilter.eval.RulesetEvaluator;
import dev.weft.netfilter.eval.TableOutcome;
import dev.weft.netfilter.eval.TableResult;
import dev.weft.netfilter.eval.TraceStep;
import dev.weft.netfilter.eval.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The netfilter pipeline of one network namespace.
 *
 * <p>Design note. {@link #hook} runs the tables registered at a hook in priority order (raw −300,
 * conntrack −200, mangle −150, nat-DNAT −100, filter 0, security 50, nat-SNAT 100). Conntrack is looked
 * up when a packet first meets the namespace (after raw at PREROUTING/OUTPUT): an unknown tuple starts a
 * NEW connection, a known one is ESTABLISHED once a reply was seen, a reply-direction tuple is
 * ESTABLISHED. At the nat table's position the first packet of a connection runs the nat chains and
 * records the translation (DNAT before routing and filter, SNAT/MASQUERADE in POSTROUTING, MASQUERADE
 * using the outgoing interface's address); later packets skip the nat chains and get the recorded
 * translation, undone for replies. The connection is confirmed when its first packet leaves through
 * INPUT or POSTROUTING with ACCEPT. Bridged frames reach the hooks only when br_netfilter is on.
 *
 * <p>Invariants: every outcome of a hook is one consistent path (a statistic rule or a NAT range forks
 * the packet, never merges paths); UNKNOWN, DROP and REJECT end a path. Cost: one evaluator walk per
 * table per path. Routing is the caller's: after a DNAT at PREROUTING/OUTPUT the caller re-routes the
 * rewritten packet.
 */
public final class NetfilterPipeline {
  private final RulesetEvaluator evaluator;
  private final Conntrack conntrack;
  private final boolean brNetfilter;
  private final NatTranslator nat;

  public NetfilterPipeline(RulesetEvaluator evaluator, Conntrack conntrack, boolean brNetfilter) {
    this.evaluator = evaluator;
    this.conntrack = conntrack;
    this.brNetfilter = brNetfilter;
    this.nat = new NatTranslator(evaluator.facts());
  }

  public NetfilterPipeline(Ruleset ruleset, HostFacts facts, Conntrack conntrack, boolean brNetfilter) {
    this(new RulesetEvaluator(ruleset, facts), conntrack, brNetfilter);
  }

  /** The outcomes of {@code hook}; feed an accepted outcome's packet to the next hook. */
  public HookResult hook(Hook hook, TrackedPacket packet) {
    return run(hook, packet, false);
  }

  /** Like {@link #hook}, with the trace steps of each outcome. */
  public HookResult traceHook(Hook hook, TrackedPacket packet) {
    return run(hook, packet, true);
  }

  /**
   * Every hook of {@code path} in turn, without routing: the interfaces stay as given, even after a DNAT
   * that would make the kernel re-route. For tools that trace a dump without a topology.
   */
  public HookResult traverse(PacketPath path, TrackedPacket packet, boolean trace) {
    List<HookOutcome> done = new ArrayList<>();
    List<HookOutcome> live = List.of(new HookOutcome(Verdict.ACCEPT, new Decision.Bypassed("start"), packet, List.of()));
    for (Hook hook : path.hooks()) {
      List<HookOutcome> next = new ArrayList<>();
      for (HookOutcome o : live) {
        for (HookOutcome r : run(hook, o.packet(), trace).outcomes()) {
          List<TraceStep> steps = new ArrayList<>(o.trace());
          steps.addAll(r.trace());
          Decision d = r.verdict() == Verdict.ACCEPT ? mostTelling(o.decision(), r.decision()) : r.decision();
          HookOutcome joined = new HookOutcome(r.verdict(), d, r.packet(), steps);
          (r.verdict() == Verdict.ACCEPT ? next : done).add(joined);
        }
      }
      live = next;
    }
    done.addAll(live);
    return new HookResult(done);
  }

  public Conntrack conntrack() {
    return conntrack;
  }

  /** One live path through the hook: the packet, its steps so far, and the last table decision. */
  private record Path(TrackedPacket packet, List<TraceStep> steps, Decision decision) {
    Path(TrackedPacket packet, List<TraceStep> steps) {
      this(packet, steps, new Decision.Bypassed("no table decided"));
    }
  }

  private HookResult run(Hook hook, TrackedPacket start, boolean trace) {
    if (start.context().bridge().isPresent() && !brNetfilter) {
      List<TraceStep> steps = trace ? List.of(new TraceStep.Note(
          "bridged frame at " + hook + ": br_netfilter is off, iptables is not consulted")) : List.of();
      return new HookResult(List.of(new HookOutcome(Verdict.ACCEPT,
          new Decision.Bypassed("bridged frame, br_netfilter off"), start, steps)));
    }
    List<HookOutcome> finished = new ArrayList<>();
    List<Path> live = new ArrayList<>(List.of(new Path(start, new ArrayList<>())));
    for (Table table : Table.atHook(hook)) {
      if (table != Table.RAW) {
        live = live.stream().map(p -> tracked(p, trace)).toList();
      }
      List<Path> next = new ArrayList<>();
      for (Path p : live) {
        if (table == Table.NAT && !p.packet().isFirst()) {
          next.add(Translations.applyRecorded(hook, p.packet(), p.steps(), trace,
              (pk, st) -> new Path(pk, st, p.decision())));
          continue;
        }
        PacketContext ctx = p.packet().context();
        if (table == Table.RAW && p.packet().track().isEmpty()) {
          // raw runs before conntrack: the packet has no connection yet, which --ctstate sees as INVALID
          ctx = ctx.withCt(new CtInfo(dev.weft.model.netfilter.ConnState.INVALID, false, false));
        }
        TableResult result = trace ? evaluator.trace(table, hook, ctx) : evaluator.evaluate(table, hook, ctx);
        for (TableOutcome o : result.outcomes()) {
          List<TraceStep> steps = join(p.steps(), o.trace(), trace);
          TrackedPacket after = p.packet().withContext(o.packet());
          if (o.verdict() != Verdict.ACCEPT) {
            finished.add(new HookOutcome(o.verdict(), o.decision(), after, steps));
          } else if (o.nat().isPresent()) {
            Translations.setUp(nat, o, after, steps, trace, (pk, st) -> new Path(pk, st, mostTelling(p.decision(), o.decision())), next, finished);
          } else {
            next.add(new Path(after, steps, mostTelling(p.decision(), o.decision())));
          }
        }
      }
      live = next;
    }
    for (Path p : live) {
      TrackedPacket out = isExit(hook) ? confirm(p.packet(), p.steps(), trace) : p.packet();
      finished.add(new HookOutcome(Verdict.ACCEPT, p.decision(), out, p.steps()));
    }
    return new HookResult(finished);
  }

  /** Conntrack lookup on the packet's first table after raw, as nf_conntrack_in does at priority −200. */
  private Path tracked(Path p, boolean trace) {
    if (p.packet().track().isPresent()) {
      return p;
    }
    PacketContext ctx = p.packet().context();
    Tuple tuple = Tuple.of(ctx.packet());
    Optional<Conntrack.Lookup> found = conntrack.lookup(tuple);
    TrackedPacket.Track track;
    CtInfo ct;
    if (found.isPresent()) {
      Conntrack.Lookup l = found.get();
      if (l.reply()) {
        conntrack.replySeen(l.connection());
      }
      track = new TrackedPacket.Track(l.connection(), l.reply(), true);
      ct = new CtInfo(l.seenReply() ? dev.weft.model.netfilter.ConnState.ESTABLISHED : dev.weft.model.netfilter.ConnState.NEW,
          l.connection().snatTo().isPresent(), l.connection().dnatTo().isPresent());
    } else {
      track = new TrackedPacket.Track(Connection.of(tuple), false, false);
      ct = CtInfo.NEW;
    }
    List<TraceStep> steps = new ArrayList<>(p.steps());
    if (trace) {
      steps.add(new TraceStep.Note("conntrack: " + ct.state() + (track.reply() ? " (reply direction)" : "")
          + (track.confirmed() ? "" : ", first packet of a new connection")));
    }
    return new Path(new TrackedPacket(ctx.withCt(ct), Optional.of(track)), steps, p.decision());
  }

  private TrackedPacket confirm(TrackedPacket p, List<TraceStep> steps, boolean trace) {
    if (p.track().isEmpty() || p.track().get().confirmed()) {
      return p;
    }
    Connection c = p.track().get().connection();
    conntrack.confirm(c);
    if (trace) {
      steps.add(new TraceStep.Note("conntrack: connection confirmed, replies will be " + c.reply()));
    }
    return new TrackedPacket(p.context(), Optional.of(new TrackedPacket.Track(c, false, true)));
  }

  /**
   * For a packet that is let through, the decision worth reporting: the filter table's (a rule before its
   * policy), else the last one made by a rule; on a tie the later one.
   */
  static Decision mostTelling(Decision earlier, Decision later) {
    return weight(later) >= weight(earlier) ? later : earlier;
  }

  private static int weight(Decision d) {
    return switch (d) {
      case Decision.ByRule r -> r.rule().table() == Table.FILTER ? 3 : 1;
      case Decision.ByPolicy p -> p.table() == Table.FILTER ? 2 : 0;
      default -> 0;
    };
  }

  private static boolean isExit(Hook hook) {
    return hook == Hook.INPUT || hook == Hook.POSTROUTING;
  }

  private static List<TraceStep> join(List<TraceStep> a, List<TraceStep> b, boolean trace) {
    if (!trace) {
      return a;
    }
    List<TraceStep> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
