package dev.weft.netfilter.save;

import java.util.Optional;

/**
 * A located problem in a rule dump: {@code file:line:column: severity: message (expected ...)}. Line 0
 * stands for the file as a whole. (Maps one to one onto dev.weft.document.Diagnostic.)
 */
public record SaveProblem(Severity severity, String file, int line, int column, String message,
    Optional<String> expected) implements Comparable<SaveProblem> {

  public enum Severity {
    ERROR,
    WARNING
  }

  public static SaveProblem error(String file, int line, int column, String message, String expected) {
    return new SaveProblem(Severity.ERROR, file, line, column, message,
        expected.isEmpty() ? Optional.empty() : Optional.of(expected));
  }

  public static SaveProblem warning(String file, int line, int column, String message) {
    return new SaveProblem(Severity.WARNING, file, line, column, message, Optional.empty());
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public String format() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line).append(':').append(column);
    }
    sb.append(": ").append(isError() ? "error" : "warning").append(": ").append(message);
    expected.ifPresent(e -> sb.append(" (expected ").append(e).append(')'));
    return sb.toString();
  }

  @Override
  public int compareTo(SaveProblem o) {
    int c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }

  @Override
  public String toString() {
    return format();
  }
}
