package dev.weft.linux.neigh;

import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import java.util.Optional;

/**
 * A permanent FDB entry on {@code device}. {@code self} (NTF_SELF) programs the device's own table (a
 * VXLAN device's); otherwise the entry goes to the device's master bridge (NTF_MASTER). The all-zero
 * MAC with a destination is VXLAN's default flood entry ("append 00:00:00:00:00:00 dst X").
 */
public record FdbSpec(InterfaceName device, Mac mac, Optional<IpAddress> destination, boolean self) {

  /** {@code bridge fdb append MAC dev DEVICE dst REMOTE self permanent}. */
  public static FdbSpec vxlan(InterfaceName device, Mac mac, IpAddress remote) {
    return new FdbSpec(device, mac, Optional.of(remote), true);
  }

  /** {@code bridge fdb add MAC dev PORT master static}: a static entry in the port's bridge. */
  public static FdbSpec bridgePort(InterfaceName port, Mac mac) {
    return new FdbSpec(port, mac, Optional.empty(), false);
  }

  @Override
  public String toString() {
    return mac + " dev " + device + destination.map(d -> " dst " + d).orElse("") + (self ? " self" : " master");
  }
}
