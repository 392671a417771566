package dev.weft.linux.route;

import dev.weft.linux.error.NotFoundException;
import dev.weft.linux.netlink.Attributes;
import dev.weft.linux.netlink.MessageWriter;
import dev.weft.linux.netlink.NetlinkMessage;
import dev.weft.linux.netlink.Rtnl;
import dev.weft.linux.netlink.RtnlContext;
import dev.weft.linux.netlink.Rtnl.Rta;
import dev.weft.linux.sys.Linux;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import java.util.List;

/** Routes in one namespace: add (fails if present), replace (add or overwrite), delete, list. */
public final class Routes {
  private final RtnlContext rtnl;

  public Routes(RtnlContext rtnl) {
    this.rtnl = rtnl;
  }

  public void add(RouteSpec route) {
    rtnl.execute(encode(Rtnl.RTM_NEWROUTE, Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL, route, route.effectiveScope()), "add route " + route);
  }

  public void replace(RouteSpec route) {
    rtnl.execute(encode(Rtnl.RTM_NEWROUTE, Rtnl.NLM_F_CREATE | Rtnl.NLM_F_REPLACE, route, route.effectiveScope()), "replace route " + route);
  }

  /** Deletes the first route matching the spec's given fields (ESRCH → NotFoundException). */
  public void delete(RouteSpec route) {
    rtnl.execute(encode(Rtnl.RTM_DELROUTE, 0, route, route.scope().orElse(RouteScope.NOWHERE)), "delete route " + route);
  }

  public boolean deleteIfExists(RouteSpec route) {
    return RtnlContext.ifExists(() -> delete(route), NotFoundException.class);
  }

  private MessageWriter encode(int type, int flags, RouteSpec r, RouteScope scope) {
    Cidr dst = r.destination();
    int table = r.table();
    MessageWriter w = new MessageWriter(type, flags)
        .u8(family(dst.family())).u8(dst.prefixLength()).u8(0).u8(0)
        .u8(table < 256 ? table : 0).u8(type == Rtnl.RTM_DELROUTE ? 0 : r.protocol()).u8(scope.value())
        .u8(r.type().value()).u32(r.onlink() ? Rta.RTNH_F_ONLINK : 0);
    w.attrU32(Rta.TABLE, table);
    if (dst.prefixLength() > 0) {
      w.attr(Rta.DST, dst.network().toBytes());
    }
    r.gateway().ifPresent(g -> w.attr(Rta.GATEWAY, g.toBytes()));
    r.device().ifPresent(d -> w.attrU32(Rta.OIF, rtnl.index(d)));
    r.metric().ifPresent(m -> w.attrU32(Rta.PRIORITY, m));
    r.source().ifPresent(s -> w.attr(Rta.PREFSRC, s.toBytes()));
    return w;
  }

  private static int family(IpFamily family) {
    return family == IpFamily.IPV4 ? Linux.AF_INET : Linux.AF_INET6;
  }

  /** Every route of the family in every table (the local table included). */
  public List<RouteEntry> list(IpFamily family) {
    MessageWriter w = new MessageWriter(Rtnl.RTM_GETROUTE, Rtnl.NLM_F_DUMP)
        .u8(family(family)).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u32(0);
    return rtnl.dump(w, Rtnl.RTM_NEWROUTE, "list routes").stream().map(m -> decode(m, family)).toList();
  }

  /** The routes of one table, such as 254 (main). */
  public List<RouteEntry> list(IpFamily family, int table) {
    return list(family).stream().filter(r -> r.table() == table).toList();
  }

  private static RouteEntry decode(NetlinkMessage m, IpFamily family) {
    Attributes a = m.attributes(Rta.RTMSG_LEN);
    int prefix = m.u8(1);
    IpAddress network = a.bytes(Rta.DST).map(IpAddress::fromBytes)
        .orElse(new IpAddress(family, 0, 0));
    return new RouteEntry(
        Cidr.containing(network, prefix),
        a.bytes(Rta.GATEWAY).map(IpAddress::fromBytes),
        a.u32(Rta.OIF),
        (m.s32(8) & Rta.RTNH_F_ONLINK) != 0,
        a.u32(Rta.PRIORITY),
        RouteScope.of(m.u8(6)),
        a.u32(Rta.TABLE).orElse(m.u8(4)),
        RouteType.of(m.u8(7)),
        a.bytes(Rta.PREFSRC).map(IpAddress::fromBytes),
        m.u8(5));
  }


}
