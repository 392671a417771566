package dev.weft.linux.link;

import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Mac;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A link as the kernel reports it (RTM_NEWLINK reply). {@code kind} is empty for devices without
 * rtnl link ops (physical NICs); {@code peerOrParent} is IFLA_LINK (a veth's peer index, a macvlan's
 * parent), and {@code peerNetnsId} is set when that index lives in another namespace.
 */
public record Link(int index, InterfaceName name, Optional<String> kind, int mtu, Optional<Mac> mac,
    OptionalInt master, boolean up, OperState operState, OptionalInt peerOrParent, OptionalInt peerNetnsId,
    Optional<String> portKind, LinkData data) {

  public boolean isKind(String value) {
    return kind.filter(value::equals).isPresent();
  }
}
