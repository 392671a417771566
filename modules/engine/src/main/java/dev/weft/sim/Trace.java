package dev.weft.sim;

import java.util.List;

/**
 * A traced packet: the request, the flow it became (addresses resolved), every step, and one final
 * disposition. {@code pcapFiles} lists capture files written for this trace, if any were asked for.
 */
public record Trace(TraceRequest request, String flow, List<TraceStep> steps, Disposition disposition, List<String> pcapFiles) {
  public Trace {
    steps = List.copyOf(steps);
    pcapFiles = List.copyOf(pcapFiles);
  }

  /** The steps about the traced packet itself, without resolution traffic and ICMP errors. */
  public List<TraceStep> packetSteps() {
    return steps.stream().filter(s -> s.role() == Role.PACKET).toList();
  }
}
