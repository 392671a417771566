package dev.weft.cni.overlay;

import dev.weft.cni.protocol.CniException;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.Mtu;
import java.util.List;

/**
 * How a node reaches the other nodes' pod subnets. The kernel VXLAN device is the first
 * implementation; the weft userspace dataplane (GRE-in-UDP and VXLAN in Java) plugs in here as
 * {@code "dataplane": "weft"} without the bridge side changing.
 */
public interface OverlayBackend {

  /**
   * Makes the node's overlay state match {@code peers} (creating the device when absent, adding
   * missing entries, removing stale ones) and returns the MTU pods must use. Idempotent.
   */
  Mtu reconcile(Cidr nodeSubnet, List<Peer> peers) throws CniException;

  /** Fails with code 50 when this backend cannot serve ADD on this node. */
  void status() throws CniException;
}
