package dev.weft.engine.tunnel;

import dev.weft.model.InterfaceKind.FdbEntry;
import dev.weft.model.InterfaceRef;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Vni;
import java.time.Duration;
import java.util.List;

/** A VXLAN device as its handlers need it. */
public record VxlanConfig(InterfaceRef device, Mac mac, Vni vni, IpAddress local, int port, boolean learning,
    List<FdbEntry> staticEntries, Duration ageing) {
  public VxlanConfig {
    staticEntries = List.copyOf(staticEntries);
  }
}
