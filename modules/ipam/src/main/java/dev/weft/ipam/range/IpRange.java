package dev.weft.ipam.range;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;

/**
 * One host-local range, canonical: every default filled in as host-local fills it (gateway = subnet
 * + 1, rangeStart = subnet + 1, rangeEnd = the last address, minus the broadcast for IPv4). Allocation
 * skips the gateway, the subnet's network address and the IPv4 broadcast address even when rangeStart or
 * rangeEnd include them.
 */
public record IpRange(Cidr subnet, IpAddress start, IpAddress end, IpAddress gateway) {

  public IpRange {
    if (!subnet.contains(start) || !subnet.contains(end) || start.compareTo(end) > 0) {
      throw new IllegalArgumentException("range " + start + "-" + end + " is not an ordered range in " + subnet);
    }
    if (!subnet.contains(gateway)) {
      throw new IllegalArgumentException("gateway " + gateway + " is not in " + subnet);
    }
  }

  /** A range with host-local's defaults: the whole subnet, gateway .1. */
  public static IpRange ofSubnet(Cidr subnet) {
    IpAddress first = Addresses.next(subnet.network());
    return new IpRange(subnet, first, defaultEnd(subnet), first);
  }

  /** host-local's default rangeEnd: the last address of the subnet, minus the broadcast for IPv4. */
  public static IpAddress defaultEnd(Cidr subnet) {
    IpAddress last = lastAddress(subnet);
    return subnet.family() == IpFamily.IPV4 ? Addresses.previous(last) : last;
  }

  static IpAddress lastAddress(Cidr subnet) {
    int hostBits = subnet.family().bits() - subnet.prefixLength();
    IpAddress n = subnet.network();
    if (subnet.family() == IpFamily.IPV4) {
      long mask = hostBits == 32 ? 0xffffffffL : (1L << hostBits) - 1;
      return IpAddress.ipv4((int) (n.low() | mask));
    }
    long lowMask = hostBits >= 64 ? -1L : (1L << hostBits) - 1;
    long highMask = hostBits <= 64 ? 0 : hostBits == 128 ? -1L : (1L << (hostBits - 64)) - 1;
    return IpAddress.ipv6(n.high() | highMask, n.low() | lowMask);
  }

  public IpFamily family() {
    return subnet.family();
  }

  /** Within rangeStart..rangeEnd (inclusive). */
  public boolean contains(IpAddress ip) {
    return ip.family() == family() && ip.compareTo(start) >= 0 && ip.compareTo(end) <= 0;
  }

  /** Can be handed out: in range and not the gateway, the network address or the IPv4 broadcast. */
  public boolean isAllocatable(IpAddress ip) {
    return contains(ip) && !ip.equals(gateway) && !ip.equals(subnet.network())
        && !(family() == IpFamily.IPV4 && ip.equals(lastAddress(subnet)));
  }

  /** How many addresses can be handed out; {@code Long.MAX_VALUE} when more than a long holds. */
  public long capacity() {
    long span = Addresses.distance(start, end);
    if (span < 0 || span == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    long n = span + 1;
    n -= contains(gateway) ? 1 : 0;
    n -= contains(subnet.network()) && !subnet.network().equals(gateway) ? 1 : 0;
    IpAddress broadcast = lastAddress(subnet);
    n -= family() == IpFamily.IPV4 && contains(broadcast) && !broadcast.equals(gateway) ? 1 : 0;
    return n;
  }

  /** Whether the two ranges share an address (host-local's overlap rule). */
  public boolean overlaps(IpRange o) {
    return family() == o.family() && start.compareTo(o.end) <= 0 && o.start.compareTo(end) <= 0;
  }

  @Override
  public String toString() {
    return subnet + " (" + start + "-" + end + ", gateway " + gateway + ")";
  }
}
