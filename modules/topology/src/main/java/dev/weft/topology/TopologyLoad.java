package dev.weft.topology;

import dev.weft.document.Diagnostic;
import dev.weft.model.NetworkModel;
import java.util.List;

/** The outcome of loading a topology: a model with its warnings, or every diagnostic that stopped it. */
public sealed interface TopologyLoad {

  /** Every diagnostic, ordered by file position. */
  List<Diagnostic> diagnostics();

  /** The topology is valid; {@code warnings} may still be worth showing. */
  record Loaded(NetworkModel model, List<Diagnostic> warnings) implements TopologyLoad {
    public Loaded {
      warnings = List.copyOf(warnings);
    }

    @Override
    public List<Diagnostic> diagnostics() {
      return warnings;
    }
  }

  /** The topology has at least one error; {@code diagnostics} holds the errors and the warnings. */
  record Invalid(List<Diagnostic> diagnostics) implements TopologyLoad {
    public Invalid {
      diagnostics = List.copyOf(diagnostics);
      if (diagnostics.stream().noneMatch(Diagnostic::isError)) {
        throw new IllegalArgumentException("an invalid load needs at least one error");
      }
    }

    public List<Diagnostic> errors() {
      return diagnostics.stream().filter(Diagnostic::isError).toList();
    }
  }
}
