package dev.weft.model.netfilter;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.PortRange;
import java.util.Optional;

/** One ipset element: an address or prefix and, for the {@code ,port} types, a protocol and port range. */
public record IpSetEntry(Cidr address, Optional<IpProtocol> protocol, Optional<PortRange> ports) {

  public static IpSetEntry of(Cidr address) {
    return new IpSetEntry(address, Optional.empty(), Optional.empty());
  }

  public static IpSetEntry of(Cidr address, IpProtocol protocol, PortRange ports) {
    return new IpSetEntry(address, Optional.of(protocol), Optional.of(ports));
  }

  public boolean contains(IpAddress a) {
    return address.contains(a);
  }

  public boolean contains(IpAddress a, int protocolNumber, int port) {
    return address.contains(a) && protocol.map(p -> p.number() == protocolNumber).orElse(true)
        && ports.map(r -> r.contains(port)).orElse(true);
  }
}
