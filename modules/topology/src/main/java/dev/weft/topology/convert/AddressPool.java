package dev.weft.topology.convert;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hands out addresses for the pods short form: in order through a subnet, skipping the network and
 * (IPv4) broadcast addresses and every address already written anywhere in the topology. Cursors are
 * kept per subnet across hosts, so pods on bridges that share a subnet through an L2 overlay never
 * collide. Each address is looked at once: allocation is linear overall.
 */
final class AddressPool {
  private final Set<IpAddress> taken = new HashSet<>();
  private final Map<Cidr, Cursor> cursors = new HashMap<>();

  /** Where a subnet's sequence stands, with its last address computed once. */
  private static final class Cursor {
    IpAddress at;
    final IpAddress last;

    Cursor(Cidr subnet) {
      at = subnet.first();
      last = subnet.last();
    }
  }

  /** Marks an address written in the file as unavailable. */
  void reserve(IpAddress address) {
    taken.add(address);
  }

  /** The next free address of {@code subnet}, or empty when it is used up. */
  Optional<IpAddress> next(Cidr subnet) {
    Cursor cursor = cursors.computeIfAbsent(subnet, Cursor::new);
    boolean hasBroadcast = subnet.family() == IpFamily.IPV4 && subnet.prefixLength() < 31;
    while (!cursor.at.equals(cursor.last)) {
      cursor.at = step(cursor.at);
      if (hasBroadcast && cursor.at.equals(cursor.last)) {
        break;
      }
      if (taken.add(cursor.at)) {
        return Optional.of(cursor.at);
      }
    }
    cursor.at = cursor.last;
    return Optional.empty();
  }

  /** The next address; never called on the last address of a subnet, so it cannot overflow. */
  private static IpAddress step(IpAddress a) {
    return a.isIpv4() ? IpAddress.ipv4(a.ipv4Value() + 1) : a.plus(1).orElseThrow();
  }
}
