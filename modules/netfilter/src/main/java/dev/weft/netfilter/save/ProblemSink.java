package dev.weft.netfilter.save;

import dev.weft.document.Diagnostic;
import dev.weft.document.Diagnostics;
import dev.weft.document.FieldPath;
import dev.weft.document.Location;
import dev.weft.document.Origin;
import java.util.List;

/** Collects the diagnostics of one file so that a single run reports all of them. */
final class ProblemSink {
  private final String file;
  private final Diagnostics diagnostics = new Diagnostics();

  ProblemSink(String file) {
    this.file = file;
  }

  void error(int line, int column, String message, String expected) {
    Diagnostic d = Diagnostic.error(SaveProblemKind.SYNTAX, at(line, column), message);
    diagnostics.add(expected.isEmpty() ? d : d.expecting(expected));
  }

  void warning(SaveProblemKind kind, int line, int column, String message) {
    diagnostics.add(Diagnostic.warning(kind, at(line, column), message));
  }

  private Origin at(int line, int column) {
    Location loc = line <= 0 ? Location.ofFile(file) : new Location(file, line, Math.max(1, column));
    return new Origin(loc, FieldPath.root());
  }

  boolean hasErrors() {
    return diagnostics.hasErrors();
  }

  List<Diagnostic> sorted() {
    return diagnostics.sorted();
  }

  List<Diagnostic> warnings() {
    return sorted().stream().filter(d -> !d.isError()).toList();
  }

  /** A single error about the file as a whole (it cannot be read). */
  static IptablesSaveException unreadable(String file, String message, String expected) {
    return new IptablesSaveException(List.of(Diagnostic.error(SaveProblemKind.UNREADABLE, Origin.ofFile(file), message)
        .expecting(expected)));
  }
}
