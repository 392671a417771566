package dev.weft.netfilter.save;

import java.util.List;
import java.util.stream.Collectors;

/** A dump that cannot be read; carries every error found, each with its file, line and column. */
public final class IptablesSaveException extends Exception {
  private final List<SaveProblem> problems;

  public IptablesSaveException(List<SaveProblem> problems) {
    super(problems.stream().map(SaveProblem::format).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** The errors (and any warnings found before them), in file order. */
  public List<SaveProblem> problems() {
    return problems;
  }
}
