package dev.weft.netfilter.eval;

import dev.weft.model.netfilter.Hook;
import dev.weft.model.netfilter.Rule;
import dev.weft.model.netfilter.Table;
import dev.weft.model.netfilter.Target;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Walks one table at one hook, as ipt_do_table does: rules in order; {@code -j} pushes a return point,
 * {@code -g} does not; RETURN or the end of a user chain pops it, and with nothing to pop (the end or a
 * RETURN in the built-in chain, or a goto chain running out) the built-in chain's policy decides.
 *
 * <p>A rule that MAYBE matches (statistic, limit) forks the walk: one branch continues as if it matched,
 * the other as if it did not, so the result is the set of possible outcomes. A rule whose match is
 * UNKNOWN ends the branch with verdict UNKNOWN unless its target cannot change anything (LOG, NFLOG, a
 * counting rule). Cost: linear in the rules visited per branch; branches are capped at {@link #MAX_BRANCHES}.
 */
final class ChainWalker {
  static final int MAX_BRANCHES = 4096;
  private final CompiledTable t;
  private final MatchEvaluator matcher;
  private final boolean trace;

  ChainWalker(CompiledTable table, MatchEvaluator matcher, boolean trace) {
    this.t = table;
    this.matcher = matcher;
    this.trace = trace;
  }

  private static final class Branch {
    int chain;
    int rule;
    long[] stack;
    int depth;
    PacketContext ctx;
    final List<TraceStep> steps;

    Branch(int chain, PacketContext ctx, List<TraceStep> steps) {
      this.chain = chain;
      this.ctx = ctx;
      this.stack = new long[4];
      this.steps = steps;
    }

    Branch copy(boolean trace) {
      Branch b = new Branch(chain, ctx, trace ? new ArrayList<>(steps) : steps);
      b.rule = rule;
      b.stack = stack.clone();
      b.depth = depth;
      return b;
    }
  }

  TableResult walk(Hook hook, PacketContext ctx) {
    Branch first = new Branch(t.start(hook), ctx, trace ? new ArrayList<>() : List.of());
    step(first, new TraceStep.EnterTable(t.table, hook, ctx));
    ArrayDeque<Branch> pending = new ArrayDeque<>();
    pending.push(first);
    List<TableOutcome> out = new ArrayList<>(1);
    while (!pending.isEmpty()) {
      if (out.size() + pending.size() > MAX_BRANCHES) {
        Branch b = pending.pop();
        out.add(end(b, hook, Verdict.UNKNOWN, new Decision.Undecidable(
            "more than " + MAX_BRANCHES + " possible paths through statistic/limit rules", Optional.empty()), Optional.empty()));
        break;
      }
      out.add(run(pending.pop(), hook, pending));
    }
    return new TableResult(trace ? out : List.copyOf(new LinkedHashSet<>(out)));
  }

  private TableOutcome run(Branch b, Hook hook, ArrayDeque<Branch> pending) {
    while (true) {
      Rule[] rules = t.rules[b.chain];
      if (b.rule >= rules.length) {
        if (t.builtin[b.chain] || b.depth == 0) {
          return policy(b, hook);
        }
        pop(b, false);
        continue;
      }
      Rule r = rules[b.rule];
      RuleRef ref = t.refs[b.chain][b.rule];
      switch (matcher.rule(r.matches(), b.ctx)) {
        case FALSE -> {
          b.rule++;
          continue;
        }
        case UNKNOWN -> {
          if (noEffect(r.target())) {
            step(b, new TraceStep.UnknownIgnored(ref));
            b.rule++;
            continue;
          }
          String what = matcher.firstUnknown(r.matches(), b.ctx).map(m -> describe(m)).orElse("a match weft cannot decide");
          return end(b, hook, Verdict.UNKNOWN, new Decision.Undecidable("the verdict depends on " + what,
              Optional.of(ref)), Optional.empty());
        }
        case MAYBE -> {
          if (noEffect(r.target())) {
            b.rule++;
            continue;
          }
          Branch other = b.copy(trace);
          other.rule++;
          step(other, new TraceStep.Branch(ref, false));
          pending.push(other);
          step(b, new TraceStep.Branch(ref, true));
        }
        case TRUE -> { }
      }
      step(b, new TraceStep.RuleMatched(ref));
      Optional<TableOutcome> done = target(b, hook, r.target(), ref);
      if (done.isPresent()) {
        return done.get();
      }
    }
  }

  /** Applies a matched rule's target; empty when the walk goes on. */
  private Optional<TableOutcome> target(Branch b, Hook hook, Target target, RuleRef ref) {
    Decision byRule = new Decision.ByRule(ref);
    return switch (target) {
      case Target.Accept a -> Optional.of(end(b, hook, Verdict.ACCEPT, byRule, Optional.empty()));
      case Target.Drop d -> Optional.of(end(b, hook, Verdict.DROP, byRule, Optional.empty()));
      case Target.Reject r -> Optional.of(t.table == Table.FILTER && hook != Hook.PREROUTING && hook != Hook.POSTROUTING
          ? end(b, hook, Verdict.REJECT, byRule, Optional.empty()) : invalid(b, hook, "REJECT", ref));
      case Target.Return r -> {
        if (t.builtin[b.chain] || b.depth == 0) {
          yield Optional.of(policy(b, hook));
        }
        pop(b, true);
        yield Optional.empty();
      }
      case Target.Jump j -> {
        if (b.depth == b.stack.length) {
          b.stack = java.util.Arrays.copyOf(b.stack, b.depth * 2);
        }
        b.stack[b.depth++] = ((long) b.chain << 32) | (b.rule + 1);
        enter(b, t.jumpTo[b.chain][b.rule], false);
        yield Optional.empty();
      }
      case Target.Goto g -> {
        enter(b, t.jumpTo[b.chain][b.rule], true);
        yield Optional.empty();
      }
      case Target.Mark m -> {
        long after = m.apply(b.ctx.mark());
        step(b, new TraceStep.MarkSet(b.ctx.mark(), after));
        b.ctx = b.ctx.withMark(after);
        b.rule++;
        yield Optional.empty();
      }
      case Target.Log l -> next(b);
      case Target.CountOnly c -> next(b);
      case Target.Dnat d -> Optional.of(nat(b, hook, ref, hook == Hook.PREROUTING || hook == Hook.OUTPUT,
          new NatRequest.Dnat(d.to()), "DNAT"));
      case Target.Snat s -> Optional.of(nat(b, hook, ref, hook == Hook.POSTROUTING || hook == Hook.INPUT,
          new NatRequest.Snat(s.to()), "SNAT"));
      case Target.Masquerade m -> Optional.of(nat(b, hook, ref, hook == Hook.POSTROUTING,
          new NatRequest.Masquerade(m.toPorts()), "MASQUERADE"));
      case Target.Unknown u -> Optional.of(end(b, hook, Verdict.UNKNOWN, new Decision.Undecidable(
          "target '" + u.text() + "' is not interpreted", Optional.of(ref)), Optional.empty()));
    };
  }

  /** LOG, NFLOG and counting rules cannot change a verdict, so whether they match does not matter. */
  static boolean noEffect(Target t) {
    return t instanceof Target.Log || t instanceof Target.CountOnly;
  }

  private static Optional<TableOutcome> next(Branch b) {
    b.rule++;
    return Optional.empty();
  }

  private TableOutcome nat(Branch b, Hook hook, RuleRef ref, boolean validHook, NatRequest request, String name) {
    if (t.table != Table.NAT || !validHook) {
      return invalid(b, hook, name, ref);
    }
    return end(b, hook, Verdict.ACCEPT, new Decision.ByRule(ref), Optional.of(request));
  }

  private TableOutcome invalid(Branch b, Hook hook, String target, RuleRef ref) {
    return end(b, hook, Verdict.UNKNOWN, new Decision.Undecidable(target + " is not valid in table "
        + t.table.keyword() + " at " + hook + " (iptables would refuse this rule)", Optional.of(ref)), Optional.empty());
  }

  private void enter(Branch b, int chain, boolean isGoto) {
    step(b, new TraceStep.Jump(t.names[chain], isGoto));
    b.chain = chain;
    b.rule = 0;
  }

  private void pop(Branch b, boolean explicit) {
    long frame = b.stack[--b.depth];
    int from = b.chain;
    b.chain = (int) (frame >>> 32);
    b.rule = (int) frame;
    step(b, new TraceStep.Return(t.names[from], t.names[b.chain], explicit));
  }

  private TableOutcome policy(Branch b, Hook hook) {
    int start = t.start(hook);
    Verdict v = t.policy[start] == dev.weft.model.netfilter.Policy.ACCEPT ? Verdict.ACCEPT : Verdict.DROP;
    return end(b, hook, v, new Decision.ByPolicy(t.table, t.names[start], t.policy[start]), Optional.empty());
  }

  private TableOutcome end(Branch b, Hook hook, Verdict v, Decision d, Optional<NatRequest> nat) {
    step(b, new TraceStep.TableVerdict(t.table, hook, v, d));
    return new TableOutcome(v, d, b.ctx, nat, b.steps);
  }

  private void step(Branch b, TraceStep s) {
    if (trace) {
      b.steps.add(s);
    }
  }

  private static String describe(dev.weft.model.netfilter.Match m) {
    return switch (m) {
      case dev.weft.model.netfilter.Match.Unknown u -> "'" + u.text() + "', which weft does not interpret";
      case dev.weft.model.netfilter.Match.SetMembership s -> "ipset '" + s.setName()
          + "' (its contents are not known: give them as an ipset save file)";
      default -> m.toString();
    };
  }
}
