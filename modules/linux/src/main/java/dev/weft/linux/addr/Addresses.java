package dev.weft.linux.addr;

import dev.weft.linux.error.NotFoundException;
import dev.weft.linux.netlink.Attributes;
import dev.weft.linux.netlink.MessageWriter;
import dev.weft.linux.netlink.NetlinkMessage;
import dev.weft.linux.netlink.Rtnl;
import dev.weft.linux.netlink.RtnlContext;
import dev.weft.linux.netlink.Rtnl.Ifa;
import dev.weft.linux.sys.Linux;
import dev.weft.model.value.IpFamily;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import java.util.List;

/**
 * Interface addresses in one namespace. IPv6 addresses can skip duplicate address detection
 * ({@code nodad}), which a lab wants: DAD keeps a fresh address "tentative" (unusable) for about a
 * second.
 */
public final class Addresses {
  private final RtnlContext rtnl;

  public Addresses(RtnlContext rtnl) {
    this.rtnl = rtnl;
  }

  /** {@code ip addr add ADDRESS dev DEVICE}; IPv6 with nodad. EEXIST if already there. */
  public void add(InterfaceName device, InterfaceAddress address) {
    add(device, address, address.family() == IpFamily.IPV6);
  }

  public void add(InterfaceName device, InterfaceAddress address, boolean noDad) {
    rtnl.execute(request(Rtnl.RTM_NEWADDR, Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL, device, address, noDad),
        "add address " + address + " to " + device);
  }

  /** {@code ip addr del}; NotFoundException (EADDRNOTAVAIL) if the address is not on the device. */
  public void delete(InterfaceName device, InterfaceAddress address) {
    rtnl.execute(request(Rtnl.RTM_DELADDR, 0, device, address, false),
        "delete address " + address + " from " + device);
  }

  public boolean deleteIfExists(InterfaceName device, InterfaceAddress address) {
    return RtnlContext.ifExists(() -> delete(device, address), NotFoundException.class);
  }

  private MessageWriter request(int type, int flags, InterfaceName device, InterfaceAddress address, boolean noDad) {
    IpAddress ip = address.address();
    MessageWriter w = new MessageWriter(type, flags)
        .u8(family(ip.family())).u8(address.prefixLength()).u8(noDad ? Ifa.F_NODAD : 0).u8(0)
        .u32(rtnl.index(device));
    w.attr(Ifa.LOCAL, ip.toBytes());
    w.attr(Ifa.ADDRESS, ip.toBytes());
    if (noDad) {
      w.attrU32(Ifa.FLAGS, Ifa.F_NODAD);
    }
    return w;
  }

  static int family(IpFamily family) {
    return family == IpFamily.IPV4 ? Linux.AF_INET : Linux.AF_INET6;
  }

  /** Every IPv4 and IPv6 address in the namespace. */
  public List<AddressEntry> list() {
    MessageWriter w = new MessageWriter(Rtnl.RTM_GETADDR, Rtnl.NLM_F_DUMP).u8(Linux.AF_UNSPEC).u8(0).u8(0).u8(0).u32(0);
    return rtnl.dump(w, Rtnl.RTM_NEWADDR, "list addresses").stream().map(Addresses::decode).toList();
  }

  /** The addresses on one device. */
  public List<AddressEntry> list(InterfaceName device) {
    int index = rtnl.index(device);
    return list().stream().filter(a -> a.index() == index).toList();
  }

  private static AddressEntry decode(NetlinkMessage m) {
    Attributes a = m.attributes(Ifa.IFADDRMSG_LEN);
    byte[] raw = a.bytes(Ifa.LOCAL).or(() -> a.bytes(Ifa.ADDRESS)).orElseThrow(
        () -> new IllegalStateException("RTM_NEWADDR without IFA_LOCAL or IFA_ADDRESS"));
    return new AddressEntry(m.s32(4), new InterfaceAddress(IpAddress.fromBytes(raw), m.u8(1)), m.u8(3),
        a.u32(Ifa.FLAGS).orElse(m.u8(2)), a.string(Ifa.LABEL));
  }
}
