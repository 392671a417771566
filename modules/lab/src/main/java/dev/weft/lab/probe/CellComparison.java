package dev.weft.lab.probe;

import dev.weft.sim.Protocol;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Puts a cell's two sides side by side and names what they disagree on. Answers are compared only when
 * the caller says the simulator can predict them (see {@link AnswerPredictability}). The simulator's quick reading is
 * tried first; the exact one is taken when the quick one disagrees with the kernel, or when the kernel
 * picked a source other than the source namespace's primary address (the quick reading cannot say which
 * source the simulator would pick then).
 */
final class CellComparison {
  private CellComparison() {}

  static ProbeCell compare(String from, String to, Protocol protocol, Optional<String> destination,
      Optional<String> primarySource, SimPredictions.Prediction quick, Supplier<SimPredictions.Prediction> exact,
      KernelOutcome kernel, boolean compareAnswers) {
    Optional<String> kernelSource = kernel.attempt().flatMap(Attempt::source).map(InetAddress::getHostAddress);
    List<ProbeCell.Disagreement> d = disagreements(quick, kernel, kernelSource, compareAnswers);
    boolean unusualSource = quick.delivered() && kernelSource.isPresent() && !kernelSource.equals(primarySource);
    SimPredictions.Prediction sim = !quick.exact() && (!d.isEmpty() || unusualSource) ? exact.get() : quick;
    if (sim != quick) {
      d = disagreements(sim, kernel, kernelSource, compareAnswers);
    }
    Optional<String> simSource = sim.source().map(Object::toString)
        .or(() -> sim.delivered() ? primarySource : Optional.empty());
    return new ProbeCell(from, to, protocol, destination, sim.delivered(), sim.verdict(), sim.answered(), simSource,
        kernel.delivered(), kernel.attempt().map(Attempt::answered).orElse(false), kernelSource,
        kernel.attempt().flatMap(Attempt::error), sim.undetermined(), d);
  }

  private static List<ProbeCell.Disagreement> disagreements(SimPredictions.Prediction sim, KernelOutcome kernel,
      Optional<String> kernelSource, boolean compareAnswers) {
    boolean kernelAnswered = kernel.attempt().map(Attempt::answered).orElse(false);
    Optional<String> simSource = sim.source().map(Object::toString);
    List<ProbeCell.Disagreement> d = new ArrayList<>();
    if (sim.undetermined()) {
      return d;
    }
    if (sim.delivered() != kernel.delivered()) {
      d.add(ProbeCell.Disagreement.DELIVERY);
    }
    if (compareAnswers && sim.answered() != kernelAnswered) {
      d.add(ProbeCell.Disagreement.ANSWER);
    }
    if (sim.exact() && sim.delivered() && kernel.delivered() && kernelSource.isPresent() && !kernelSource.equals(simSource)) {
      d.add(ProbeCell.Disagreement.SOURCE);
    }
    return d;
  }
}
