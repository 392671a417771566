package dev.weft.cli;

import java.util.List;

/**
 * The user's input cannot be used. Carries every problem found, each already formatted with its file,
 * line, column and field, so the CLI prints them all and exits with {@link ExitCode#INVALID_INPUT}.
 */
public final class InvalidInputException extends RuntimeException {
  private final List<String> problems;

  public InvalidInputException(List<String> problems) {
    super(problems.isEmpty() ? "invalid input" : problems.getFirst());
    this.problems = List.copyOf(problems);
  }

  public InvalidInputException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
