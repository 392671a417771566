package dev.weft.lab.kernel;

import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;

/** A permanent neighbour entry. */
public record NeighbourState(InterfaceName device, IpAddress address, Mac mac) {
  @Override
  public String toString() {
    return address + " lladdr " + mac + " dev " + device;
  }
}
