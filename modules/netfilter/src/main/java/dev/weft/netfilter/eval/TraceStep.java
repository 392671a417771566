package dev.weft.netfilter.eval;

import dev.weft.model.netfilter.ChainName;
import dev.weft.model.netfilter.Hook;
import dev.weft.model.netfilter.Table;

/** One event of a traversal, in order; the tracer prints them. */
public sealed interface TraceStep {

  /** The walk of a table starts at its built-in chain for the hook. */
  record EnterTable(Table table, Hook hook, PacketContext packet) implements TraceStep {}

  /** A rule's matches all held and its target runs. */
  record RuleMatched(RuleRef rule) implements TraceStep {}

  /** A statistic/limit rule may match: this branch assumes it {@code matched} or not. */
  record Branch(RuleRef rule, boolean matched) implements TraceStep {}

  /** {@code -j} into a user chain (with a return point) or {@code -g} (without). */
  record Jump(ChainName to, boolean isGoto) implements TraceStep {}

  /** Back in {@code to} after {@code from} RETURNed or ran out of rules. */
  record Return(ChainName from, ChainName to, boolean explicit) implements TraceStep {}

  /** MARK changed the packet mark. */
  record MarkSet(long before, long after) implements TraceStep {}

  /** A rule with an uninterpreted match had a no-op target (LOG, NFLOG, counting), so it cannot change the verdict. */
  record UnknownIgnored(RuleRef rule) implements TraceStep {}

  /** The table's traversal ended. */
  record TableVerdict(Table table, Hook hook, Verdict verdict, Decision decision) implements TraceStep {}

  /** A pipeline-level event: conntrack, NAT applied, a table skipped, the br_netfilter switch. */
  record Note(String text) implements TraceStep {}
}
