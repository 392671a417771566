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
import dev.weft.model.value.Mac;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Bridge and VXLAN FDB entries (family AF_BRIDGE), always permanent. {@link #append} is what VXLAN
 * needs for several remotes under one MAC (the all-zeros flood entry): NLM_F_APPEND adds a remote
 * instead of replacing the entry's only one.
 */
public final class Fdb {
  private final RtnlContext rtnl;

  public Fdb(RtnlContext rtnl) {
    this.rtnl = rtnl;
  }

  /** {@code bridge fdb append}: creates, or adds another destination to an existing VXLAN entry. */
  public void append(FdbSpec entry) {
    send(Rtnl.RTM_NEWNEIGH, Rtnl.NLM_F_CREATE | Rtnl.NLM_F_APPEND, entry, "append fdb entry");
  }

  /** {@code bridge fdb add}: EEXIST if the entry exists. */
  public void add(FdbSpec entry) {
    send(Rtnl.RTM_NEWNEIGH, Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL, entry, "add fdb entry");
  }

  /** {@code bridge fdb replace}. */
  public void replace(FdbSpec entry) {
    send(Rtnl.RTM_NEWNEIGH, Rtnl.NLM_F_CREATE | Rtnl.NLM_F_REPLACE, entry, "replace fdb entry");
  }

  /**
   * {@code bridge fdb del}; with a destination only that remote is removed from a VXLAN entry. Kernel
   * behaviour: removing a destination the entry does not have succeeds silently as long as the MAC has
   * an entry; only a MAC without any entry gives NotFoundException (ENOENT).
   */
  public void delete(FdbSpec entry) {
    send(Rtnl.RTM_DELNEIGH, 0, entry, "delete fdb entry");
  }

  public boolean deleteIfExists(FdbSpec entry) {
    return RtnlContext.ifExists(() -> delete(entry), NotFoundException.class);
  }

  private void send(int type, int flags, FdbSpec e, String verb) {
    int state = Nda.NUD_PERMANENT | Nda.NUD_NOARP;
    MessageWriter w = Neighbours.header(type, flags, Linux.AF_BRIDGE, rtnl.index(e.device()), state,
        e.self() ? Nda.NTF_SELF : Nda.NTF_MASTER);
    w.attr(Nda.LLADDR, e.mac().toBytes());
    e.destination().ifPresent(d -> w.attr(Nda.DST, d.toBytes()));
    rtnl.execute(w, verb + " " + e);
  }

  /** Every FDB entry in the namespace (bridges' and VXLAN devices'). */
  public List<FdbEntry> list() {
    MessageWriter w = Neighbours.header(Rtnl.RTM_GETNEIGH, Rtnl.NLM_F_DUMP, Linux.AF_BRIDGE, 0, 0, 0);
    return rtnl.dump(w, Rtnl.RTM_NEWNEIGH, "list fdb entries").stream().map(Fdb::decode).flatMap(Optional::stream).toList();
  }

  /** The entries on one device. */
  public List<FdbEntry> list(InterfaceName device) {
    int index = rtnl.index(device);
    return list().stream().filter(e -> e.index() == index).toList();
  }

  private static Optional<FdbEntry> decode(NetlinkMessage m) {
    Attributes a = m.attributes(Nda.NDMSG_LEN);
    OptionalInt master = a.u32(Nda.MASTER);
    return a.bytes(Nda.LLADDR).filter(b -> b.length == 6).map(mac -> new FdbEntry(
        m.s32(4), Mac.fromBytes(mac),
        a.bytes(Nda.DST).filter(b -> b.length == 4 || b.length == 16).map(IpAddress::fromBytes),
        m.u16(8), m.u8(10), master, a.u16(Nda.VLAN)));
  }
}
