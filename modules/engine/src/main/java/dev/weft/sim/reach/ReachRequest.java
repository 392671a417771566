package dev.weft.sim.reach;

import dev.weft.model.value.Name;
import dev.weft.sim.Endpoint;
import dev.weft.sim.Protocol;
import dev.weft.sim.Target;
import dev.weft.sim.TraceRequest;
import java.util.List;

/**
 * A reachability question: from each of {@code from} to each of {@code to} (empty means every namespace),
 * a small packet of {@code protocol} to {@code destinationPort}, sent to the destination's primary address.
 */
public record ReachRequest(List<Name> from, List<Name> to, Protocol protocol, int destinationPort) {
  public ReachRequest {
    from = List.copyOf(from);
    to = List.copyOf(to);
    if (destinationPort < 0 || destinationPort > 65535) {
      throw new IllegalArgumentException("destination port must be 0..65535, was " + destinationPort);
    }
  }

  /** TCP port 80 between every pair of namespaces. */
  public static ReachRequest all() {
    return new ReachRequest(List.of(), List.of(), Protocol.TCP, TraceRequest.DEFAULT_DESTINATION_PORT);
  }

  /** The byte-level trace that stands for one cell of this request. */
  public TraceRequest traceFor(String from, String to) {
    return new TraceRequest(Endpoint.of(Name.of(from)), new Target.Namespace(Name.of(to)), protocol,
        TraceRequest.DEFAULT_SOURCE_PORT, destinationPort, TraceRequest.DEFAULT_SIZE, true);
  }
}
