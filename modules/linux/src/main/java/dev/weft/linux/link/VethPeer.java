package dev.weft.linux.link;

import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import java.util.Optional;

/**
 * The far end of a veth pair. With a namespace it is created directly there (IFLA_NET_NS_FD inside
 * VETH_INFO_PEER), so it never appears in the creating namespace. A master for the peer is not
 * settable at creation (the kernel ignores IFLA_MASTER there); set it afterwards.
 */
public record VethPeer(InterfaceName name, Optional<NetnsRef> namespace, Optional<Mtu> mtu, Optional<Mac> mac, boolean up) {

  public static VethPeer named(InterfaceName name) {
    return new VethPeer(name, Optional.empty(), Optional.empty(), Optional.empty(), false);
  }

  public VethPeer in(NetnsRef ns) {
    return new VethPeer(name, Optional.of(ns), mtu, mac, up);
  }

  public VethPeer withMtu(Mtu value) {
    return new VethPeer(name, namespace, Optional.of(value), mac, up);
  }

  public VethPeer withMac(Mac value) {
    return new VethPeer(name, namespace, mtu, Optional.of(value), up);
  }

  public VethPeer withUp(boolean value) {
    return new VethPeer(name, namespace, mtu, mac, value);
  }
}
