package dev.weft.linux.link;

import dev.weft.linux.netlink.Attributes;
import dev.weft.linux.netlink.NetlinkMessage;
import dev.weft.linux.netlink.Rtnl.Ifla;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Vni;
import java.util.Optional;
import java.util.OptionalInt;

/** Decodes RTM_NEWLINK replies (ifinfomsg + IFLA_* attributes) into {@link Link} records. */
final class LinkDecoder {
  private LinkDecoder() {}

  static Link decode(NetlinkMessage m) {
    int index = m.s32(4);
    int flags = m.s32(8);
    Attributes a = m.attributes(Ifla.IFINFOMSG_LEN);
    Optional<Attributes> info = a.nested(Ifla.LINKINFO);
    Optional<String> kind = info.flatMap(i -> i.string(Ifla.INFO_KIND));
    Optional<Attributes> data = info.flatMap(i -> i.nested(Ifla.INFO_DATA));
    return new Link(
        index,
        InterfaceName.of(a.string(Ifla.IFNAME).orElse("if" + index)),
        kind,
        a.u32(Ifla.MTU).orElse(0),
        a.bytes(Ifla.ADDRESS).filter(b -> b.length == 6).map(Mac::fromBytes),
        positive(a.u32(Ifla.MASTER)),
        (flags & Ifla.IFF_UP) != 0,
        OperState.of(a.u8(Ifla.OPERSTATE).orElse(0)),
        positive(a.u32(Ifla.LINK)).stream().filter(l -> l != index).findFirst(),
        a.u32(Ifla.LINK_NETNSID),
        info.flatMap(i -> i.string(Ifla.INFO_SLAVE_KIND)),
        kind.flatMap(k -> data.map(d -> data(k, d))).orElse(new LinkData.None()));
  }

  private static OptionalInt positive(OptionalInt v) {
    return v.isPresent() && v.getAsInt() > 0 ? v : OptionalInt.empty();
  }

  private static LinkData data(String kind, Attributes d) {
    return switch (kind) {
      case "vxlan" -> new LinkData.VxlanData(
          Vni.of(d.u32(Ifla.VXLAN_ID).orElse(0)),
          address(d, Ifla.VXLAN_LOCAL).or(() -> address(d, Ifla.VXLAN_LOCAL6)),
          address(d, Ifla.VXLAN_GROUP).or(() -> address(d, Ifla.VXLAN_GROUP6)),
          d.u16Be(Ifla.VXLAN_PORT).orElse(0),
          d.u8(Ifla.VXLAN_LEARNING).orElse(0) != 0,
          positive(d.u32(Ifla.VXLAN_LINK)));
      case "macvlan" -> new LinkData.MacvlanData(MacvlanMode.of(d.u32(Ifla.MACVLAN_MODE).orElse(0)));
      case "bridge" -> new LinkData.BridgeData(
          d.u32(Ifla.BR_STP_STATE).orElse(0), d.u8(Ifla.BR_VLAN_FILTERING).orElse(0) != 0);
      case "gre", "gretap" -> new LinkData.TunnelData(address(d, Ifla.GRE_LOCAL), address(d, Ifla.GRE_REMOTE));
      case "ipip" -> new LinkData.TunnelData(address(d, Ifla.IPTUN_LOCAL), address(d, Ifla.IPTUN_REMOTE));
      default -> new LinkData.None();
    };
  }

  /** An address attribute, or empty when absent or all zeros. */
  private static Optional<IpAddress> address(Attributes d, int type) {
    return d.bytes(type).filter(b -> b.length == 4 || b.length == 16).map(IpAddress::fromBytes)
        .filter(ip -> !ip.isUnspecified());
  }
}
