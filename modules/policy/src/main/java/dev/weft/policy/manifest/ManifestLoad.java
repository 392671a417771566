package dev.weft.policy.manifest;

import dev.weft.document.Diagnostic;
import dev.weft.policy.model.Cluster;
import java.util.List;

/** The result of reading manifests: a cluster with warnings, or every error found (exit code 2). */
public sealed interface ManifestLoad {
  List<Diagnostic> diagnostics();

  /** Read; {@code diagnostics} holds warnings only. */
  record Loaded(Cluster cluster, List<Diagnostic> diagnostics) implements ManifestLoad {
    public Loaded {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** Not usable; {@code diagnostics} holds at least one error. */
  record Invalid(List<Diagnostic> diagnostics) implements ManifestLoad {
    public Invalid {
      diagnostics = List.copyOf(diagnostics);
    }
  }
}
