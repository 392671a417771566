package dev.weft.cni.protocol.result;

import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.IpAddress;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One entry of {@code ips[]}: an address with its prefix, the gateway, and in a full result the index
 * of its interface in {@code interfaces[]}. IPAM plugins leave {@code interfaceIndex} empty.
 */
public record IpConfig(InterfaceAddress address, Optional<IpAddress> gateway, OptionalInt interfaceIndex) {
  public IpConfig {
    if (gateway.isPresent() && gateway.get().family() != address.family()) {
      throw new IllegalArgumentException("gateway " + gateway.get() + " is not in the family of " + address);
    }
    if (interfaceIndex.isPresent() && interfaceIndex.getAsInt() < 0) {
      throw new IllegalArgumentException("negative interface index");
    }
  }

  public static IpConfig of(InterfaceAddress address, Optional<IpAddress> gateway) {
    return new IpConfig(address, gateway, OptionalInt.empty());
  }
}
