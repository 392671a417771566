package dev.weft.ipam.node;

import dev.weft.ipam.range.IpRange;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.IpAddress;

/** One address handed out, with the range it came from (for its prefix length and gateway). */
public record Lease(IpAddress address, IpRange range) {
  public InterfaceAddress interfaceAddress() {
    return new InterfaceAddress(address, range.subnet().prefixLength());
  }
}
