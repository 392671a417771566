package dev.weft.netfilter.save;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one file so that a single run reports all of them. */
final class ProblemSink {
  private final String file;
  private final List<SaveProblem> problems = new ArrayList<>();

  ProblemSink(String file) {
    this.file = file;
  }

  void error(int line, int column, String message, String expected) {
    problems.add(SaveProblem.error(file, line, column, message, expected));
  }

  void warning(int line, int column, String message) {
    problems.add(SaveProblem.warning(file, line, column, message));
  }

  boolean hasErrors() {
    return problems.stream().anyMatch(SaveProblem::isError);
  }

  List<SaveProblem> sorted() {
    List<SaveProblem> copy = new ArrayList<>(problems);
    copy.sort(null);
    return List.copyOf(copy);
  }

  List<SaveProblem> warnings() {
    return sorted().stream().filter(p -> !p.isError()).toList();
  }
}
