package dev.weft.cni.overlay;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;

/** One node of the overlay: its underlay address, its pod subnet, and its VTEP's MAC. */
public record Peer(String node, IpAddress address, Cidr subnet, Mac vtepMac) {

  /** The VTEP MAC weft gives a node's overlay device when the peers file names none. */
  public static Mac defaultVtepMac(IpAddress nodeAddress) {
    return Mac.derivedFrom("weft-vtep:" + nodeAddress);
  }

  /** The subnet's network address, which the node's overlay device carries as a /32 (as flannel does). */
  public IpAddress gateway() {
    return subnet.network();
  }
}
