package dev.weft.sim.run;

import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.event.ForwardingObserver;
import dev.weft.model.InterfaceRef;
import dev.weft.model.value.Mac;
import dev.weft.sim.Location;
import dev.weft.sim.Role;
import dev.weft.sim.TraceStep;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns handler events into trace steps, stamping each with where it happened, its branch depth and
 * which traffic it is about. Two events need care: releasing a packet that waited for ARP happens while
 * the ARP reply is being processed, yet is about the packet (the run re-tags it from the frame that comes
 * out, see {@link #retagResolution}); and once a handler has sent an ICMP error, the rest of that
 * device's work is about the error.
 */
final class TraceRecorder implements ForwardingObserver {
  private final List<TraceStep> steps = new ArrayList<>();
  private Location at = new Location(java.util.Optional.empty(), java.util.Optional.empty(), "-", "none");
  private int depth;
  private Role role = Role.PACKET;
  private int processingStart;

  void enter(Location where, int branchDepth, Role trafficRole) {
    at = where;
    depth = branchDepth;
    role = trafficRole;
    processingStart = steps.size();
  }

  /**
   * Gives the "neighbour resolved" steps of the current device's work the role and depth of the frame
   * they released: the one sent on {@code device} to {@code mac}.
   */
  void retagResolution(InterfaceRef device, Mac mac, Role frameRole, int frameDepth) {
    for (int i = processingStart; i < steps.size(); i++) {
      if (steps.get(i) instanceof TraceStep.Decision d && d.event() instanceof ForwardingEvent.NeighborResolved r
          && r.device().equals(device) && r.mac().equals(mac) && (d.role() != frameRole || d.depth() != frameDepth)) {
        steps.set(i, new TraceStep.Decision(frameDepth, frameRole, d.at(), d.event()));
      }
    }
  }

  Location location() {
    return at;
  }

  int depth() {
    return depth;
  }

  Role role() {
    return role;
  }

  @Override
  public void on(ForwardingEvent event) {
    steps.add(new TraceStep.Decision(depth, role, at, event));
    if (event instanceof ForwardingEvent.IcmpErrorSent) {
      role = Role.ERROR;
    }
  }

  void add(TraceStep step) {
    steps.add(step);
  }

  List<TraceStep> steps() {
    return steps;
  }
}
