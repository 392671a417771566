package dev.weft.netfilter.save;

import dev.weft.document.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;

/** A dump that cannot be read; carries every error found (and the warnings), each with file, line and column. */
public final class IptablesSaveException extends Exception {
  private final List<Diagnostic> problems;

  public IptablesSaveException(List<Diagnostic> problems) {
    super(problems.stream().filter(Diagnostic::isError).map(Diagnostic::format).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** The diagnostics in file order; at least one is an error. */
  public List<Diagnostic> problems() {
    return problems;
  }
}
