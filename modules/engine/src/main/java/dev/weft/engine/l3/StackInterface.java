package dev.weft.engine.l3;

import dev.weft.model.InterfaceRef;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.IpFamily;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import java.util.List;

/** An interface as its namespace's stack uses it: for routing, addressing and framing. */
public record StackInterface(InterfaceRef ref, Mac mac, Mtu mtu, List<InterfaceAddress> addresses, LinkType link) {
  public StackInterface {
    addresses = List.copyOf(addresses);
  }

  public boolean hasFamily(IpFamily family) {
    return addresses.stream().anyMatch(a -> a.family() == family);
  }
}
