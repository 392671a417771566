package dev.weft.document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects diagnostics while a parser keeps going, so that one run reports every problem rather than
 * the first. Not thread-safe: one collector per parse.
 */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();
  private int errors;

  public Diagnostic add(Diagnostic d) {
    items.add(d);
    if (d.isError()) {
      errors++;
    }
    return d;
  }

  public void addAll(Iterable<Diagnostic> ds) {
    ds.forEach(this::add);
  }

  /** Reports an error with what was expected. */
  public Diagnostic error(DiagnosticKind kind, Origin at, String message, String expected) {
    return add(Diagnostic.error(kind, at, message).expecting(expected));
  }

  /** Reports a warning with what was expected. */
  public Diagnostic warning(DiagnosticKind kind, Origin at, String message, String expected) {
    return add(Diagnostic.warning(kind, at, message).expecting(expected));
  }

  public boolean hasErrors() {
    return errors > 0;
  }

  public int errorCount() {
    return errors;
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** Every diagnostic in the order reported. */
  public List<Diagnostic> all() {
    return Collections.unmodifiableList(items);
  }

  /** Every diagnostic ordered by file and position (stable for equal positions). */
  public List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(items);
    copy.sort(null);
    return List.copyOf(copy);
  }

  public List<Diagnostic> errors() {
    return items.stream().filter(Diagnostic::isError).toList();
  }

  public List<Diagnostic> warnings() {
    return items.stream().filter(d -> !d.isError()).toList();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sorted().forEach(d -> sb.append(d.format()).append('\n'));
    return sb.toString();
  }
}
