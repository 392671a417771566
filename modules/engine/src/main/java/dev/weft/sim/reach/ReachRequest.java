package dev.weft.sim.reach;

import dev.weft.model.value.Name;
import dev.weft.sim.Endpoint;
import dev.weft.sim.Protocol;
import dev.weft.sim.Target;
import dev.weft.sim.TraceRequest;
import java.util.List;

/**
 * A reachability question: from each of {@code from} to each of {@code to} (empty means every namespace),
 * a packet of {@code protocol} to {@code destinationPort}, sent to the destination's primary address, of
 * {@code size} bytes (IP total length) with DF as given.
 */
public record ReachRequest(List<Name> from, List<Name> to, Protocol protocol, int destinationPort, int size,
    boolean dontFragment) {
  public ReachRequest {
    from = List.copyOf(from);
    to = List.copyOf(to);
    if (destinationPort < 0 || destinationPort > 65535) {
      throw new IllegalArgumentException("destination port must be 0..65535, was " + destinationPort);
    }
    if (size < TraceRequest.minimumSize(protocol) || size > TraceRequest.MAX_SIZE) {
      throw new IllegalArgumentException("size must be " + TraceRequest.minimumSize(protocol) + ".." + TraceRequest.MAX_SIZE
          + " bytes, was " + size);
    }
  }

  /** The default packet: {@value TraceRequest#DEFAULT_SIZE} bytes with DF set. */
  public ReachRequest(List<Name> from, List<Name> to, Protocol protocol, int destinationPort) {
    this(from, to, protocol, destinationPort, TraceRequest.DEFAULT_SIZE, true);
  }

  /** TCP port 80 between every pair of namespaces. */
  public static ReachRequest all() {
    return new ReachRequest(List.of(), List.of(), Protocol.TCP, TraceRequest.DEFAULT_DESTINATION_PORT);
  }

  /** The byte-level trace that stands for one cell of this request. */
  public TraceRequest traceFor(String from, String to) {
    return new TraceRequest(Endpoint.of(Name.of(from)), new Target.Namespace(Name.of(to)), protocol,
        TraceRequest.DEFAULT_SOURCE_PORT, destinationPort, size, dontFragment);
  }
}
