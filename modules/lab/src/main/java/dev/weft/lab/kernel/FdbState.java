package dev.weft.lab.kernel;

import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;

/** A static VXLAN forwarding entry: frames for {@code mac} on {@code device} go to the VTEP {@code remote}. */
public record FdbState(InterfaceName device, Mac mac, IpAddress remote) {
  @Override
  public String toString() {
    return mac + " dev " + device + " dst " + remote;
  }
}
