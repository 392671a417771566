package dev.weft.linux.neigh;

import dev.weft.linux.error.NotFoundException;
import dev.weft.linux.netlink.Attributes;
import dev.weft.linux.netlink.MessageWriter;
import dev.weft.linux.netlink.NetlinkMessage;
import dev.weft.linux.netlink.Rtnl;
import dev.weft.linux.netlink.RtnlContext;
import dev.weft.linux.netlink.Rtnl.Nda;
import dev.weft.linux.sys.Linux;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import dev.weft.model.value.Mac;
import java.util.List;

/** Permanent ARP/NDP entries ({@code ip neigh add|replace|del ... nud permanent}) in one namespace. */
public final class Neighbours {
  private final RtnlContext rtnl;

  public Neighbours(RtnlContext rtnl) {
    this.rtnl = rtnl;
  }

  public void add(InterfaceName device, IpAddress address, Mac mac) {
    send(Rtnl.RTM_NEWNEIGH, Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL, device, address, mac, "add neighbour");
  }

  public void replace(InterfaceName device, IpAddress address, Mac mac) {
    send(Rtnl.RTM_NEWNEIGH, Rtnl.NLM_F_CREATE | Rtnl.NLM_F_REPLACE, device, address, mac, "replace neighbour");
  }

  public void delete(InterfaceName device, IpAddress address) {
    MessageWriter w = header(Rtnl.RTM_DELNEIGH, 0, family(address.family()), rtnl.index(device), 0, 0);
    w.attr(Nda.DST, address.toBytes());
    rtnl.execute(w, "delete neighbour " + address + " dev " + device);
  }

  public boolean deleteIfExists(InterfaceName device, IpAddress address) {
    return RtnlContext.ifExists(() -> delete(device, address), NotFoundException.class);
  }

  private void send(int type, int flags, InterfaceName device, IpAddress address, Mac mac, String verb) {
    MessageWriter w = header(type, flags, family(address.family()), rtnl.index(device), Nda.NUD_PERMANENT, 0);
    w.attr(Nda.DST, address.toBytes());
    w.attr(Nda.LLADDR, mac.toBytes());
    rtnl.execute(w, verb + " " + address + " lladdr " + mac + " dev " + device);
  }

  /** A struct ndmsg: family, pad, pad, ifindex, state, flags, type. */
  static MessageWriter header(int type, int flags, int family, int index, int state, int ntfFlags) {
    return new MessageWriter(type, flags).u8(family).u8(0).u16(0).u32(index).u16(state).u8(ntfFlags).u8(0);
  }

  static int family(IpFamily family) {
    return family == IpFamily.IPV4 ? Linux.AF_INET : Linux.AF_INET6;
  }

  /** Every neighbour entry of the family, in any state. */
  public List<NeighbourEntry> list(IpFamily family) {
    MessageWriter w = header(Rtnl.RTM_GETNEIGH, Rtnl.NLM_F_DUMP, family(family), 0, 0, 0);
    return rtnl.dump(w, Rtnl.RTM_NEWNEIGH, "list neighbours").stream().map(Neighbours::decode)
        .flatMap(java.util.Optional::stream).toList();
  }

  private static java.util.Optional<NeighbourEntry> decode(NetlinkMessage m) {
    Attributes a = m.attributes(Nda.NDMSG_LEN);
    return a.bytes(Nda.DST).filter(b -> b.length == 4 || b.length == 16).map(dst -> new NeighbourEntry(
        m.s32(4), IpAddress.fromBytes(dst), a.bytes(Nda.LLADDR).filter(b -> b.length == 6).map(Mac::fromBytes),
        m.u16(8), m.u8(10)));
  }
}
