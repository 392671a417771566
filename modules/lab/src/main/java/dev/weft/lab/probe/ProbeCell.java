package dev.weft.lab.probe;

import dev.weft.sim.Protocol;
import java.util.List;
import java.util.Optional;

/**
 * One pair and protocol: what the simulator predicts and what the kernel did.
 *
 * <ul>
 *   <li>delivered: the request reached the destination's stack (simulator: DELIVERED; kernel: a raw
 *       socket there saw it);
 *   <li>answered: the exchange completed (simulator: delivered and the answer, traced back from the
 *       destination to the source address, delivered too; kernel: TCP connected, UDP or ICMP echo came
 *       back);
 *   <li>source: the source address the source stack chose (both sides), compared when both delivered.
 * </ul>
 *
 * {@code disagreements} is empty when both sides agree on what is compared. {@code undetermined}: a rule
 * weft cannot interpret decides the cell, so the simulator makes no claim and nothing is compared.
 */
public record ProbeCell(String from, String to, Protocol protocol, Optional<String> destination, boolean simDelivered,
    String simVerdict, boolean simAnswered, Optional<String> simSource, boolean kernelDelivered, boolean kernelAnswered,
    Optional<String> kernelSource, Optional<String> kernelError, boolean undetermined, List<Disagreement> disagreements) {

  public ProbeCell {
    disagreements = List.copyOf(disagreements);
  }

  /** What the two sides disagree on. */
  public enum Disagreement {
    DELIVERY, ANSWER, SOURCE
  }

  public boolean agrees() {
    return disagreements.isEmpty();
  }

  /** {@code .} delivered on both sides, {@code X} blocked on both, {@code !} any disagreement, {@code ?} undetermined. */
  public char symbol() {
    return undetermined ? '?' : !agrees() ? '!' : kernelDelivered ? '.' : 'X';
  }
}
