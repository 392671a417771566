package dev.weft.lab.kernel;

import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One link of a namespace. A desired link leaves {@code mac} empty when any address will do (generated
 * links such as a segment's ports); an observed link always has one except loopback. {@code index} is
 * the observed ifindex (empty when desired).
 */
public record LinkState(InterfaceName name, LinkKind kind, Mtu mtu, Optional<Mac> mac, Optional<InterfaceName> master,
    boolean up, OptionalInt index) {

  public static LinkState desired(InterfaceName name, LinkKind kind, Mtu mtu, Optional<Mac> mac,
      Optional<InterfaceName> master, boolean up) {
    return new LinkState(name, kind, mtu, mac, master, up, OptionalInt.empty());
  }
}
