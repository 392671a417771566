package dev.weft.linux.neigh;

import dev.weft.linux.netlink.Rtnl.Nda;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import java.util.Optional;

/** A neighbour entry as the kernel reports it; {@code state} is the NUD_* bit set. */
public record NeighbourEntry(int index, IpAddress address, Optional<Mac> mac, int state, int flags) {
  public boolean permanent() {
    return (state & Nda.NUD_PERMANENT) != 0;
  }
}
