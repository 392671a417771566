package dev.weft.cni.protocol.result;

import dev.weft.model.value.Mac;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One entry of {@code interfaces[]}. A host-side interface has no {@code sandbox}. {@code mtu},
 * {@code socketPath} and {@code pciID} are CNI 1.1.0 additions.
 */
public record InterfaceInfo(
    String name,
    Optional<Mac> mac,
    OptionalInt mtu,
    Optional<String> sandbox,
    Optional<String> socketPath,
    Optional<String> pciId) {

  public static InterfaceInfo of(String name, Optional<Mac> mac, Optional<String> sandbox) {
    return new InterfaceInfo(name, mac, OptionalInt.empty(), sandbox, Optional.empty(), Optional.empty());
  }
}
