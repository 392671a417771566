package dev.weft.dataplane.stats;

import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.event.ForwardingObserver;

/**
 * The handlers' observer in the dataplane: counts each drop against the port the frame entered by (set
 * by the switchboard before each input), so a policy drop shows on the pod or tunnel it came from.
 * Other decisions are not recorded: tracing belongs to the simulator.
 */
public final class CountingObserver implements ForwardingObserver {
  private PortCounters ingress;

  public CountingObserver(PortCounters internal) {
    this.ingress = internal;
  }

  /** The port whose frame is being processed now. */
  public void ingress(PortCounters port) {
    this.ingress = port;
  }

  @Override
  public void on(ForwardingEvent event) {
    if (event instanceof ForwardingEvent.Dropped d) {
      ingress.dropped(d.reason());
    }
  }
}
