package dev.weft.netfilter.verify;

import dev.weft.netfilter.eval.Verdict;
import dev.weft.document.Diagnostic;
import java.util.List;
import java.util.Set;

/**
 * The answer: the explanation text (for stdout), the set of possible verdicts, a one-word summary and
 * the dump's warnings (for stderr).
 */
public record ChainsReport(String text, Set<Verdict> verdicts, Summary summary, List<Diagnostic> warnings) {

  /** ACCEPTED when every possible outcome accepts; DENIED when every one drops or rejects. */
  public enum Summary {
    ACCEPTED,
    DENIED,
    DEPENDS,
    UNKNOWN;

    /** The exit code the CLI should use: 0 only when the packet is certainly accepted, else 3. */
    public int exitCode() {
      return this == ACCEPTED ? 0 : 3;
    }
  }
}
