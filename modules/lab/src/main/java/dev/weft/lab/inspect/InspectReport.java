package dev.weft.lab.inspect;

import java.util.List;
import java.util.Optional;

/**
 * What {@code weft inspect} found: the lab's record (topology, file, when, whether the deploy finished),
 * every namespace as the kernel holds it, and, when a topology was there to compare with, the drift: the
 * changes {@code weft deploy} would make (empty when the kernel matches the file).
 */
public record InspectReport(String lab, Optional<String> topology, Optional<String> file, Optional<String> deployedAt,
    boolean complete, List<NamespaceView> namespaces, Optional<List<String>> drift, List<String> notes) {
  public InspectReport {
    namespaces = List.copyOf(namespaces);
    drift = drift.map(List::copyOf);
    notes = List.copyOf(notes);
  }

  public boolean drifted() {
    return drift.map(d -> !d.isEmpty()).orElse(false);
  }
}
