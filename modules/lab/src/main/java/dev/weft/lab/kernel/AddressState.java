package dev.weft.lab.kernel;

import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;

/** An address on a link. */
public record AddressState(InterfaceName device, InterfaceAddress address) {
  @Override
  public String toString() {
    return address + " dev " + device;
  }
}
