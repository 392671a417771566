package dev.weft.netfilter.eval;

import java.util.List;
import java.util.Optional;

/**
 * One possible end of a table's traversal: the verdict, what decided it, the packet as it leaves (mark
 * changes applied), the NAT the nat table asked for, and the steps that led here (empty unless traced).
 */
public record TableOutcome(Verdict verdict, Decision decision, PacketContext packet, Optional<NatRequest> nat,
    List<TraceStep> trace) {
  public TableOutcome {
    trace = List.copyOf(trace);
  }
}
