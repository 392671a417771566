package dev.weft.sim.fabric;

import dev.weft.model.InterfaceRef;

/**
 * The link at one interface: the two devices that see it as a port. A frame one of them emits on the
 * port arrives at the other. {@code link} names the capture file.
 *
 * @param outboundAtB whether frames arrive at {@code b} as writes (a tunnel's L2 side) rather than reads
 */
public record Wire(InterfaceRef port, DeviceId a, DeviceId b, boolean outboundAtB, String link) {

  public DeviceId other(DeviceId from) {
    return from.equals(a) ? b : a;
  }

  /** Whether a frame sent by {@code from} is written (outbound) into the receiving device. */
  public boolean outboundInto(DeviceId from) {
    return from.equals(a) && outboundAtB;
  }
}
