package dev.weft.netfilter.verify;

import dev.weft.netfilter.eval.Verdict;
import dev.weft.netfilter.pipeline.HookOutcome;
import dev.weft.netfilter.pipeline.HookResult;
import dev.weft.netfilter.trace.TraceFormatter;
import java.util.List;
import java.util.Locale;

/** The outcome section of a chains report: each possible path with its trace, then the overall result. */
final class ReportText {
  private final TraceFormatter formatter = new TraceFormatter();

  String outcomes(HookResult result) {
    StringBuilder sb = new StringBuilder();
    List<HookOutcome> all = result.outcomes();
    for (int i = 0; i < all.size(); i++) {
      HookOutcome o = all.get(i);
      sb.append('\n').append("outcome ").append(i + 1).append(" of ").append(all.size());
      double p = dev.weft.netfilter.eval.PathProbability.of(o.trace());
      if (p < 1) {
        sb.append(String.format(Locale.ROOT, " (probability %.3f)", p));
      }
      sb.append(": ").append(o.verdict()).append(" by ").append(o.decision()).append('\n');
      if (o.verdict() == Verdict.ACCEPT) {
        sb.append("  leaves as ").append(TraceFormatter.describe(o.packet().context())).append('\n');
      }
      formatter.format(o.trace()).lines().forEach(l -> sb.append("  ").append(l).append('\n'));
    }
    sb.append("\nresult: ").append(ChainsVerifier.summary(result.verdicts())).append(' ')
        .append(result.verdicts()).append('\n');
    return sb.toString();
  }
}
