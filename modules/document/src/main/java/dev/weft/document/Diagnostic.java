package dev.weft.document;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Optional;

/**
 * One problem found in an input, aimed at a user. The text form, used by every weft command, is
 *
 * <pre>{@code FILE:LINE:COL: SEVERITY: PATH: MESSAGE (expected EXPECTED) [HINT]}</pre>
 *
 * <p>for example {@code lab.yaml:7:9: error: hosts[0].namespces: unknown key (expected one of: name,
 * namespaces) [did you mean 'namespaces'?]}. Parts are left out when they do not apply: {@code :LINE:COL}
 * for problems with the file as a whole, {@code PATH: } at the document root, and the expected and hint
 * parts when empty. SEVERITY is {@code error} or {@code warning}. The record itself is the JSON form;
 * Jackson writes it as {@code {"severity":"ERROR","kind":"unknown-key","location":{"file":..,"line":..,
 * "column":..},"path":"hosts[0].namespces","message":..,"expected":..,"hint":..}}.
 *
 * @param kind the stable class of the problem, for tools and tests
 * @param expected what a valid input would have had here, in words
 * @param hint a suggestion that may fix it, such as {@code did you mean 'namespaces'?}
 */
public record Diagnostic(
    Severity severity, DiagnosticKind kind, Location location, FieldPath path, String message,
    Optional<String> expected, Optional<String> hint) implements Comparable<Diagnostic> {

  public static Diagnostic error(DiagnosticKind kind, Origin at, String message) {
    return new Diagnostic(Severity.ERROR, kind, at.location(), at.path(), message, Optional.empty(), Optional.empty());
  }

  public static Diagnostic warning(DiagnosticKind kind, Origin at, String message) {
    return new Diagnostic(Severity.WARNING, kind, at.location(), at.path(), message, Optional.empty(), Optional.empty());
  }

  /** This diagnostic stating what was expected. */
  public Diagnostic expecting(String what) {
    return new Diagnostic(severity, kind, location, path, message, Optional.of(what), hint);
  }

  /** This diagnostic with a hint. */
  public Diagnostic withHint(String text) {
    return new Diagnostic(severity, kind, location, path, message, expected, Optional.of(text));
  }

  public Diagnostic withHint(Optional<String> text) {
    return new Diagnostic(severity, kind, location, path, message, expected, text);
  }

  @JsonIgnore
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public Origin origin() {
    return new Origin(location, path);
  }

  /** The one-line text form described on the class. */
  public String format() {
    StringBuilder sb = new StringBuilder().append(location).append(": ").append(severity.word()).append(": ");
    if (!path.isRoot()) {
      sb.append(path).append(": ");
    }
    sb.append(message);
    expected.ifPresent(e -> sb.append(" (expected ").append(e).append(')'));
    hint.ifPresent(h -> sb.append(" [").append(h).append(']'));
    return sb.toString();
  }

  /** By file and position, so that output reads top to bottom. */
  @Override
  public int compareTo(Diagnostic o) {
    return location.compareTo(o.location);
  }

  @Override
  public String toString() {
    return format();
  }
}
