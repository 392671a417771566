package dev.weft.policy.verify;

import dev.weft.policy.model.Protocol;
import dev.weft.policy.semantics.Verdict;
import java.util.List;

/**
 * The result of {@code weft verify eval}: one verdict per pod pair behind the two arguments, and the overall
 * outcome. The CLI exits 0 for ALLOWED and 3 for anything else.
 */
public record EvalResult(String source, String destination, Protocol protocol, int port, Outcome outcome, List<PairVerdict> pairs) {
  public EvalResult {
    pairs = List.copyOf(pairs);
  }

  /** ALLOWED and DENIED hold for every pod pair; PARTIAL when they disagree; UNDETERMINED for hostNetwork. */
  public enum Outcome {
    ALLOWED,
    DENIED,
    PARTIAL,
    UNDETERMINED
  }

  /** The verdict of one concrete pair. */
  public record PairVerdict(String source, String destination, Verdict verdict) {}

  public int exitCode() {
    return outcome == Outcome.ALLOWED ? 0 : 3;
  }
}
