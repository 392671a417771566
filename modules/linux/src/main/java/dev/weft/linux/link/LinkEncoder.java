package dev.weft.linux.link;

import dev.weft.linux.netlink.MessageWriter;
import dev.weft.linux.netlink.Rtnl;
import dev.weft.linux.netlink.Rtnl.Ifla;
import dev.weft.linux.sys.Linux;
import dev.weft.model.value.InterfaceName;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;

/**
 * Encodes RTM_NEWLINK requests. Names of other links (master, underlay, parent) become ifindexes
 * through {@code indexOf}, which resolves them in the namespace the request goes to.
 */
final class LinkEncoder {
  private final ToIntFunction<InterfaceName> indexOf;

  LinkEncoder(ToIntFunction<InterfaceName> indexOf) {
    this.indexOf = indexOf;
  }

  /** RTM_NEWLINK with NLM_F_CREATE | NLM_F_EXCL; {@code peerNsFd} is the veth peer's namespace fd. */
  MessageWriter create(LinkSpec spec, OptionalInt peerNsFd) {
    LinkOptions o = spec.options();
    int up = o.up() ? Ifla.IFF_UP : 0;
    MessageWriter w = new MessageWriter(Rtnl.RTM_NEWLINK, Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL)
        .ifinfomsg(Linux.AF_UNSPEC, 0, up, Ifla.IFF_UP);
    w.attrString(Ifla.IFNAME, spec.name().value());
    common(w, o);
    int linkinfo = w.beginNested(Ifla.LINKINFO);
    w.attrString(Ifla.INFO_KIND, spec.kind());
    switch (spec) {
      case LinkSpec.Veth v -> veth(w, v.peer(), peerNsFd);
      case LinkSpec.Vxlan x -> vxlan(w, x);
      case LinkSpec.Macvlan m -> {
        int data = w.beginNested(Ifla.INFO_DATA);
        w.attrU32(Ifla.MACVLAN_MODE, m.mode().value());
        w.endNested(data);
      }
      case LinkSpec.IpTunnel t -> tunnel(w, t);
      case LinkSpec.Geneve g -> {
        int data = w.beginNested(Ifla.INFO_DATA);
        w.attrU32(Ifla.GENEVE_ID, g.vni().value());
        w.attr(g.remote().isIpv4() ? Ifla.GENEVE_REMOTE : Ifla.GENEVE_REMOTE6, g.remote().toBytes());
        w.endNested(data);
      }
      case LinkSpec.Bridge b -> { }
      case LinkSpec.Tap t -> throw new IllegalArgumentException("a tap is created through /dev/net/tun, not RTM_NEWLINK");
    }
    w.endNested(linkinfo);
    if (spec instanceof LinkSpec.Macvlan m) {
      w.attrU32(Ifla.LINK, indexOf.applyAsInt(m.parent()));
    }
    return w;
  }

  private void common(MessageWriter w, LinkOptions o) {
    o.mtu().ifPresent(m -> w.attrU32(Ifla.MTU, m.value()));
    o.mac().ifPresent(m -> w.attr(Ifla.ADDRESS, m.toBytes()));
    o.master().ifPresent(m -> w.attrU32(Ifla.MASTER, indexOf.applyAsInt(m)));
  }

  private static void veth(MessageWriter w, VethPeer peer, OptionalInt peerNsFd) {
    int data = w.beginNested(Ifla.INFO_DATA);
    int p = w.beginNestedPlain(Ifla.VETH_INFO_PEER);
    // The peer cannot be brought up here: veth_open fails with ENOTCONN until both ends are paired.
    w.ifinfomsg(Linux.AF_UNSPEC, 0, 0, 0);
    w.attrString(Ifla.IFNAME, peer.name().value());
    peer.mtu().ifPresent(m -> w.attrU32(Ifla.MTU, m.value()));
    peer.mac().ifPresent(m -> w.attr(Ifla.ADDRESS, m.toBytes()));
    peerNsFd.ifPresent(fd -> w.attrU32(Ifla.NET_NS_FD, fd));
    w.endNested(p);
    w.endNested(data);
  }

  private void vxlan(MessageWriter w, LinkSpec.Vxlan x) {
    int data = w.beginNested(Ifla.INFO_DATA);
    w.attrU32(Ifla.VXLAN_ID, x.vni().value());
    x.local().ifPresent(a -> w.attr(a.isIpv4() ? Ifla.VXLAN_LOCAL : Ifla.VXLAN_LOCAL6, a.toBytes()));
    x.remote().ifPresent(a -> w.attr(a.isIpv4() ? Ifla.VXLAN_GROUP : Ifla.VXLAN_GROUP6, a.toBytes()));
    x.underlay().ifPresent(u -> w.attrU32(Ifla.VXLAN_LINK, indexOf.applyAsInt(u)));
    w.attrU16Be(Ifla.VXLAN_PORT, x.port());
    w.attrU8(Ifla.VXLAN_LEARNING, x.learning() ? 1 : 0);
    w.endNested(data);
  }

  private static void tunnel(MessageWriter w, LinkSpec.IpTunnel t) {
    int data = w.beginNested(Ifla.INFO_DATA);
    boolean gre = t.tunnel() != TunnelKind.IPIP;
    w.attr(gre ? Ifla.GRE_LOCAL : Ifla.IPTUN_LOCAL, t.local().toBytes());
    w.attr(gre ? Ifla.GRE_REMOTE : Ifla.IPTUN_REMOTE, t.remote().toBytes());
    w.endNested(data);
  }

  /** RTM_NEWLINK without NLM_F_CREATE on the link named {@code name}: a modification. */
  static MessageWriter modify(InterfaceName name, int ifFlags, int change) {
    return new MessageWriter(Rtnl.RTM_NEWLINK, 0)
        .ifinfomsg(Linux.AF_UNSPEC, 0, ifFlags, change)
        .attrString(Ifla.IFNAME, name.value());
  }

}
