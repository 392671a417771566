package dev.weft.sim.run;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.model.value.IpAddress;
import dev.weft.sim.Disposition;
import dev.weft.sim.DropCause;
import dev.weft.sim.Role;
import dev.weft.sim.TraceStep;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads the final disposition off a trace's steps about the packet itself: delivered anywhere wins, then
 * leaving the network, then the first real drop in the order the simulator met them (flooded copies that
 * were not for a device do not count). A failed resolution of the destination itself, when no interface
 * in the model has that address, means the address does not exist.
 */
public final class DispositionResolver {
  private DispositionResolver() {}

  public static Disposition resolve(List<TraceStep> steps, IpAddress destination, Predicate<IpAddress> modelled) {
    Scan scan = new Scan(destination);
    for (TraceStep step : steps) {
      if (step.role() == Role.PACKET) {
        Optional<Disposition> delivered = scan.step(step);
        if (delivered.isPresent()) {
          return delivered.get();
        }
      }
    }
    if (scan.exit.isPresent()) {
      return scan.exit.get();
    }
    Disposition d = scan.drop.orElse(Disposition.dropped(DropCause.NEIGHBOR_UNREACHABLE, Optional.empty(),
        "the packet reached no interface that accepts it"));
    if (d.cause().equals(Optional.of(DropCause.NEIGHBOR_UNREACHABLE)) && scan.askedForDestination
        && !modelled.test(destination)) {
      return Disposition.dropped(DropCause.NO_SUCH_ADDRESS, d.at(), "no interface in the model has " + destination
          + " (" + d.detail() + ")");
    }
    return d;
  }

  /** What the steps so far say; the first drop and the first exit win. */
  private static final class Scan {
    private final IpAddress destination;
    private Optional<Disposition> drop = Optional.empty();
    private Optional<Disposition> exit = Optional.empty();
    private boolean askedForDestination;

    Scan(IpAddress destination) {
      this.destination = destination;
    }

    /** A delivery ends the scan; anything else is noted. */
    Optional<Disposition> step(TraceStep step) {
      switch (step) {
        case TraceStep.Decision d -> {
          return decision(d);
        }
        case TraceStep.LoopDetected l -> dropped(Disposition.dropped(DropCause.LOOP, Optional.of(l.at()), l.detail()));
        case TraceStep.NoCarrier n -> dropped(Disposition.dropped(DropCause.NEIGHBOR_UNREACHABLE,
            Optional.of(n.at()), n.port() + " has no link: nothing can answer or receive"));
        default -> { }
      }
      return Optional.empty();
    }

    private Optional<Disposition> decision(TraceStep.Decision d) {
      switch (d.event()) {
        case ForwardingEvent.Delivered del -> {
          return Optional.of(Disposition.delivered(d.at(), "delivered to " + del.namespace() + " (" + del.destination() + ")"));
        }
        case ForwardingEvent.ExitedNetwork ex -> {
          if (exit.isEmpty()) {
            exit = Optional.of(Disposition.exits(d.at(), "left the network via " + ex.segment() + " towards " + ex.destination()));
          }
        }
        case ForwardingEvent.NeighborSolicited s -> askedForDestination |= s.address().equals(destination);
        case ForwardingEvent.Dropped dr when dr.reason() == DropReason.UNDETERMINED_POLICY ->
            dropped(Disposition.undetermined(d.at(), dr.detail()));
        case ForwardingEvent.Dropped dr -> {
          if (!dr.reason().benign()) {
            dropped(Disposition.dropped(cause(dr.reason()), Optional.of(d.at()), dr.detail()));
          }
        }
        default -> { }
      }
      return Optional.empty();
    }

    private void dropped(Disposition d) {
      if (drop.isEmpty()) {
        drop = Optional.of(d);
      }
    }
  }

  /** Engine drop reasons folded into the causes a disposition reports. */
  public static DropCause cause(DropReason reason) {
    return switch (reason) {
      case NO_ROUTE, FORWARDING_DISABLED, UNKNOWN_TUNNEL, MALFORMED, UNSUPPORTED -> DropCause.NO_ROUTE;
      case NEIGHBOR_UNREACHABLE, NO_CARRIER, NOT_FOR_US, HAIRPIN -> DropCause.NEIGHBOR_UNREACHABLE;
      case MTU_EXCEEDED -> DropCause.MTU_EXCEEDED;
      case TTL_EXCEEDED, LOOP -> DropCause.LOOP;
      case POLICY, UNDETERMINED_POLICY -> DropCause.POLICY;
    };
  }
}
