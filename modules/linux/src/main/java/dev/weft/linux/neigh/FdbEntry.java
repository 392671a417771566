package dev.weft.linux.neigh;

import dev.weft.linux.netlink.Rtnl.Nda;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A bridge or VXLAN forwarding-database entry. {@code destination} is the remote VTEP (NDA_DST) of a
 * VXLAN entry; {@code master} is the bridge of a bridge-port entry.
 */
public record FdbEntry(int index, Mac mac, Optional<IpAddress> destination, int state, int flags, OptionalInt master,
    OptionalInt vlan) {
  public boolean self() {
    return (flags & Nda.NTF_SELF) != 0;
  }

  public boolean permanent() {
    return (state & Nda.NUD_PERMANENT) != 0;
  }
}
