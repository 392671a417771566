package dev.weft.lab.probe;

import java.util.List;

/**
 * The result of {@code weft probe}: one agreement matrix per protocol and every mismatch with both
 * traces. {@code drift} lists how the lab differs from the file (a lab that drifted is probed anyway,
 * and its mismatches may come from the drift); {@code notes} say what was not compared and why. The CLI
 * exits with 3 when {@link #agrees()} is false.
 */
public record ProbeReport(String lab, String topology, List<ProbeMatrix> matrices, List<Mismatch> mismatches,
    List<String> drift, List<String> notes) {
  public ProbeReport {
    matrices = List.copyOf(matrices);
    mismatches = List.copyOf(mismatches);
    drift = List.copyOf(drift);
    notes = List.copyOf(notes);
  }

  public boolean agrees() {
    return mismatches.isEmpty();
  }

  public long cells() {
    return matrices.stream().mapToLong(m -> m.cells().size()).sum();
  }

  public long agreeing() {
    return matrices.stream().mapToLong(ProbeMatrix::agreeing).sum();
  }
}
