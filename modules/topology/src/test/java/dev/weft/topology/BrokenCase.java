package dev.weft.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.document.Diagnostic;
import dev.weft.document.DiagnosticKind;
import dev.weft.document.Severity;
import java.util.List;

/**
 * One hand-written broken topology and the diagnostic it must produce. The expected line is marked in
 * the YAML with a trailing {@code # <--} comment (or given explicitly when the problem is past the last
 * line), so the cases stay readable and their line numbers cannot drift.
 */
record BrokenCase(String name, String yaml, int line, String path, DiagnosticKind kind, Severity severity) {
  static final String MARK = "# <--";

  static BrokenCase error(String name, String yaml, String path, DiagnosticKind kind) {
    return new BrokenCase(name, yaml, markedLine(yaml), path, kind, Severity.ERROR);
  }

  static BrokenCase warning(String name, String yaml, String path, DiagnosticKind kind) {
    return new BrokenCase(name, yaml, markedLine(yaml), path, kind, Severity.WARNING);
  }

  static BrokenCase errorAt(String name, String yaml, int line, String path, DiagnosticKind kind) {
    return new BrokenCase(name, yaml, line, path, kind, Severity.ERROR);
  }

  private static int markedLine(String yaml) {
    List<String> lines = yaml.lines().toList();
    int found = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(MARK)) {
        if (found >= 0) {
          throw new IllegalArgumentException("two marks in\n" + yaml);
        }
        found = i + 1;
      }
    }
    if (found < 0) {
      throw new IllegalArgumentException("no mark in\n" + yaml);
    }
    return found;
  }

  /** Loads the case and checks that the expected diagnostic is among those reported. */
  void verify(TopologyLoader loader) {
    String file = name + ".yaml";
    TopologyLoad load = loader.load(file, yaml);
    if (severity == Severity.ERROR) {
      assertThat(load).as(name).isInstanceOf(TopologyLoad.Invalid.class);
    }
    assertThat(load.diagnostics()).as("%s:%n%s", name, yaml).anySatisfy(d -> {
      assertThat(d.severity()).isEqualTo(severity);
      assertThat(d.kind()).isEqualTo(kind);
      assertThat(d.location().file()).isEqualTo(file);
      assertThat(d.location().line()).isEqualTo(line);
      assertThat(d.path()).hasToString(path);
    });
    for (Diagnostic d : load.diagnostics()) {
      assertThat(d.message()).isNotBlank();
      assertThat(d.location().line()).isBetween(0, (int) yaml.lines().count() + 1);
      assertThat(d.format()).doesNotContain("\n").startsWith(file);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
