package dev.weft.lab.probe;

import dev.weft.engine.event.ForwardingEvent;
import dev.weft.model.NetworkModel;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Name;
import dev.weft.sim.Endpoint;
import dev.weft.sim.Protocol;
import dev.weft.sim.Simulator;
import dev.weft.sim.Target;
import dev.weft.sim.Trace;
import dev.weft.sim.TraceRequest;
import dev.weft.sim.TraceStep;
import dev.weft.sim.fabric.Addressing;
import dev.weft.sim.reach.ReachCell;
import dev.weft.sim.reach.ReachMatrix;
import dev.weft.sim.reach.ReachRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's side of each cell. Delivery comes from the reach matrix (what {@code weft sim reach}
 * prints). Whether the exchange completes and from which source address come in two readings: the quick
 * one reads the transposed cell of the same matrix (the destination reaching the source's primary
 * address) and leaves the source unknown; the exact one traces the request on bytes for the source
 * address the source stack picks, then traces the answer from the destination address back to that
 * source with the ports swapped (the kernel answers from the address the request went to). A byte-level
 * trace costs milliseconds, so the exact reading is taken for every cell only on request, and otherwise
 * only where the quick one disagrees with the kernel.
 */
final class SimPredictions {
  /**
   * A cell's prediction; {@code source} is empty when not computed or when nothing is sent. {@code
   * undetermined}: a rule weft cannot interpret decides the cell, so the simulator makes no claim.
   */
  record Prediction(boolean delivered, String verdict, boolean answered, Optional<IpAddress> source, boolean exact,
      boolean undetermined) {}

  private final Simulator simulator;
  private final NetworkModel model;
  /** The source a stack picks depends on routing only, not on the protocol: traced once per pair. */
  private final Map<String, Optional<IpAddress>> sources = new java.util.concurrent.ConcurrentHashMap<>();

  SimPredictions(Simulator simulator) {
    this.simulator = simulator;
    this.model = simulator.model();
  }

  /** The quick reading of every cell of {@code m}, keyed by from and to. */
  Map<String, Prediction> quick(ReachMatrix m) {
    Map<String, ReachCell> blocked = new HashMap<>();
    m.blocked().forEach(c -> blocked.put(key(c.from(), c.to()), c));
    Map<String, Integer> row = new HashMap<>();
    for (int i = 0; i < m.sources().size(); i++) {
      row.put(m.sources().get(i), i);
    }
    Map<String, Prediction> out = new HashMap<>();
    for (int i = 0; i < m.sources().size(); i++) {
      for (int j = 0; j < m.destinations().size(); j++) {
        String from = m.sources().get(i);
        String to = m.destinations().get(j);
        Integer back = row.get(to);
        int fromColumn = m.destinations().indexOf(from);
        boolean answered = back != null && fromColumn >= 0 && m.reachable(back, fromColumn);
        out.put(key(from, to), m.reachable(i, j) ? new Prediction(true, "DELIVERED", answered, Optional.empty(), false, false)
            : blockedCell(blocked.get(key(from, to)), m.rows().get(i).charAt(j) == ReachMatrix.UNDETERMINED));
      }
    }
    return out;
  }

  /** The exact reading of one cell whose quick reading is {@code quick}. */
  Prediction exact(Prediction quick, String from, String to, ReachRequest request) {
    return quick.delivered() ? delivered(from, to, request) : quick;
  }

  static String key(String from, String to) {
    return from + "\u0000" + to;
  }

  private static Prediction blockedCell(ReachCell c, boolean undetermined) {
    return new Prediction(false, c.verdict() + " at " + c.at() + ": " + c.reason(), false, Optional.empty(), true,
        undetermined);
  }

  private Prediction delivered(String from, String to, ReachRequest request) {
    Optional<IpAddress> source = sources.computeIfAbsent(key(from, to),
        k -> source(simulator.trace(request.traceFor(from, to))));
    Optional<IpAddress> destination = Addressing.primaryAddress(model, Name.of(to));
    boolean answered = source.isPresent() && destination.isPresent()
        && simulator.trace(reply(request, to, destination.get(), source.get())).disposition().delivered();
    return new Prediction(true, "DELIVERED", answered, source, true, false);
  }

  /** The trace of the answer to a request of {@code request}'s kind. */
  TraceRequest reply(ReachRequest request, String to, IpAddress from, IpAddress back) {
    Endpoint at = new Endpoint(Name.of(to), model.ownerOf(from).map(i -> i.ref().name()));
    boolean icmp = request.protocol() == Protocol.ICMP;
    return new TraceRequest(at, new Target.Address(back), request.protocol(), icmp ? 0 : request.destinationPort(),
        icmp ? 0 : TraceRequest.DEFAULT_SOURCE_PORT, TraceRequest.DEFAULT_SIZE, true);
  }

  Trace forward(ReachRequest request, String from, String to) {
    return simulator.trace(request.traceFor(from, to));
  }

  Trace trace(TraceRequest request) {
    return simulator.trace(request);
  }

  /** The source address the trace's first stack chose. */
  static Optional<IpAddress> source(Trace t) {
    for (TraceStep s : t.steps()) {
      if (s instanceof TraceStep.Decision d && d.event() instanceof ForwardingEvent.SourceSelected sel) {
        return Optional.of(sel.source());
      }
    }
    return Optional.empty();
  }
}
