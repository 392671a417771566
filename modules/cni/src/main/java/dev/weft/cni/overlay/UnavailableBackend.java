package dev.weft.cni.overlay;

import dev.weft.cni.protocol.CniException;
import dev.weft.cni.protocol.ErrorCode;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.Mtu;
import java.util.List;

/** A backend this node cannot run; every use is code 50 with the reason. */
record UnavailableBackend(String reason) implements OverlayBackend {

  @Override
  public Mtu reconcile(Cidr nodeSubnet, List<Peer> peers) throws CniException {
    throw error();
  }

  @Override
  public void status() throws CniException {
    throw error();
  }

  private CniException error() {
    return new CniException(ErrorCode.Standard.PLUGIN_NOT_AVAILABLE, reason);
  }
}
