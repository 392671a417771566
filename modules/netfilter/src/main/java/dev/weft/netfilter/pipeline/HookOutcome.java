package dev.weft.netfilter.pipeline;

import dev.weft.netfilter.eval.Decision;
import dev.weft.netfilter.eval.TraceStep;
import dev.weft.netfilter.eval.Verdict;
import java.util.List;

/**
 * One possible result of a hook: the verdict, what decided it (the last table's rule or policy), the
 * packet as it leaves the hook (addresses and ports rewritten by NAT, mark set) and the trace steps.
 */
public record HookOutcome(Verdict verdict, Decision decision, TrackedPacket packet, List<TraceStep> trace) {
  public HookOutcome {
    trace = List.copyOf(trace);
  }
}
