package dev.weft.model.netfilter;

import dev.weft.model.value.InvalidValueException;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.PortRange;
import java.util.Optional;

/**
 * The argument of {@code --to-destination}/{@code --to-source}: an address range, a port range, or both
 * ({@code [ip[-ip]][:port[-port]]}). When the address part is absent only the port is translated.
 */
public record NatRange(Optional<IpAddress> first, Optional<IpAddress> last, Optional<PortRange> ports) {

  public NatRange {
    if (first.isPresent() != last.isPresent()) {
      throw new InvalidValueException("NAT range", first + "-" + last, "both ends of the address range");
    }
    if (first.isEmpty() && ports.isEmpty()) {
      throw new InvalidValueException("NAT range", "", "an address, a port, or both");
    }
    if (first.isPresent()) {
      IpAddress a = first.get();
      IpAddress b = last.get();
      if (a.family() != b.family() || a.compareTo(b) > 0) {
        throw new InvalidValueException("NAT range", a + "-" + b, "a range whose first address is not after its last");
      }
    }
  }

  public static NatRange to(IpAddress address) {
    return new NatRange(Optional.of(address), Optional.of(address), Optional.empty());
  }

  public static NatRange to(IpAddress address, int port) {
    return new NatRange(Optional.of(address), Optional.of(address), Optional.of(PortRange.single(port)));
  }

  /** Parses {@code 10.0.0.1}, {@code 10.0.0.1:80}, {@code 10.0.0.1-10.0.0.3:80-90} or {@code :80}. */
  public static NatRange parse(String text) {
    try {
      int colon = text.indexOf(':');
      String addr = colon < 0 ? text : text.substring(0, colon);
      Optional<PortRange> ports = colon < 0 ? Optional.empty() : Optional.of(PortRange.parse(text.substring(colon + 1)));
      if (addr.isEmpty()) {
        return new NatRange(Optional.empty(), Optional.empty(), ports);
      }
      int dash = addr.indexOf('-');
      IpAddress a = IpAddress.parse(dash < 0 ? addr : addr.substring(0, dash));
      IpAddress b = dash < 0 ? a : IpAddress.parse(addr.substring(dash + 1));
      return new NatRange(Optional.of(a), Optional.of(b), ports);
    } catch (InvalidValueException e) {
      throw new InvalidValueException("NAT range", text, "ADDRESS[-ADDRESS][:PORT[-PORT]] such as 10.0.0.1:8080");
    }
  }

  public boolean isSingleAddress() {
    return first.isPresent() && first.get().equals(last.get());
  }

  /** The text iptables-save prints. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    first.ifPresent(a -> sb.append(a).append(a.equals(last.orElseThrow()) ? "" : "-" + last.orElseThrow()));
    ports.ifPresent(p -> sb.append(':').append(p.isSingle() ? Integer.toString(p.first()) : p.first() + "-" + p.last()));
    return sb.toString();
  }
}
