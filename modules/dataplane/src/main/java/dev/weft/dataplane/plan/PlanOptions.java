package dev.weft.dataplane.plan;

import dev.weft.dataplane.underlay.Encapsulation;
import java.util.Optional;

/**
 * Choices the model leaves to the dataplane.
 *
 * @param vxlanPort a UDP port for every VXLAN device instead of the model's (which defaults to 4789)
 * @param greInUdpPort the UDP port GRE rides on (RFC 8086: 4754)
 */
public record PlanOptions(Optional<Integer> vxlanPort, int greInUdpPort) {
  public static final PlanOptions DEFAULTS = new PlanOptions(Optional.empty(), Encapsulation.GRE_IN_UDP.defaultPort());

  public PlanOptions {
    vxlanPort.ifPresent(p -> checkPort("vxlan port", p));
    checkPort("GRE-in-UDP port", greInUdpPort);
  }

  private static void checkPort(String what, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(what + " must be 1..65535, was " + port);
    }
  }
}
