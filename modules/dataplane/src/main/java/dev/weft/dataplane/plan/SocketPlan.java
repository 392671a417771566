package dev.weft.dataplane.plan;

import dev.weft.dataplane.underlay.Encapsulation;
import dev.weft.model.value.IpAddress;

/** An underlay socket the host's tunnels need: what it carries and where it is bound. */
public record SocketPlan(Encapsulation encapsulation, IpAddress local, int port) {
  @Override
  public String toString() {
    return encapsulation.label() + "/" + local + ":" + port;
  }
}
