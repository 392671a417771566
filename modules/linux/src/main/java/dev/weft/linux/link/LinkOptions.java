package dev.weft.linux.link;

import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import java.util.Optional;

/** Settings common to every link kind, applied in the same RTM_NEWLINK that creates it. */
public record LinkOptions(Optional<Mtu> mtu, Optional<Mac> mac, Optional<InterfaceName> master, boolean up) {
  public static final LinkOptions DEFAULTS = new LinkOptions(Optional.empty(), Optional.empty(), Optional.empty(), false);

  public LinkOptions withMtu(Mtu value) {
    return new LinkOptions(Optional.of(value), mac, master, up);
  }

  public LinkOptions withMac(Mac value) {
    return new LinkOptions(mtu, Optional.of(value), master, up);
  }

  public LinkOptions withMaster(InterfaceName value) {
    return new LinkOptions(mtu, mac, Optional.of(value), up);
  }

  public LinkOptions withUp(boolean value) {
    return new LinkOptions(mtu, mac, master, value);
  }
}
