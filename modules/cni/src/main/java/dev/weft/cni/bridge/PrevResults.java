package dev.weft.cni.bridge;

import dev.weft.cni.protocol.CniException;
import dev.weft.cni.protocol.NetworkConfig;
import dev.weft.cni.protocol.result.CniResult;
import dev.weft.cni.protocol.result.IpConfig;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import java.util.ArrayList;
import java.util.List;

/** What DEL and CHECK read from {@code prevResult}: the addresses of the pod's interface. */
final class PrevResults {
  private PrevResults() {}

  /**
   * The addresses whose {@code interface} is the pod's interface (or that name no interface); an
   * unreadable prevResult gives none, since DEL must go on without it.
   */
  static List<IpAddress> podAddresses(NetworkConfig config, InterfaceName ifName) {
    if (config.prevResult().isEmpty()) {
      return List.of();
    }
    try {
      CniResult prev = CniResult.fromJson(config.root().require("prevResult"));
      List<IpAddress> out = new ArrayList<>();
      for (IpConfig ip : prev.ips()) {
        boolean ours = ip.interfaceIndex().isEmpty()
            || prev.interfaces().get(ip.interfaceIndex().getAsInt()).name().equals(ifName.value());
        if (ours) {
          out.add(ip.address().address());
        }
      }
      return out;
    } catch (CniException e) {
      return List.of();
    }
  }
}
