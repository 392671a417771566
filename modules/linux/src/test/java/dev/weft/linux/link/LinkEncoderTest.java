package dev.weft.linux.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.linux.netlink.Attributes;
import dev.weft.linux.netlink.NetlinkMessage;
import dev.weft.linux.netlink.Rtnl;
import dev.weft.linux.netlink.Rtnl.Ifla;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Vni;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LinkEncoderTest {
  private final LinkEncoder encoder = new LinkEncoder(name -> name.value().length());

  private static NetlinkMessage decode(ByteBuffer wire) {
    List<NetlinkMessage> out = new ArrayList<>();
    NetlinkMessage.split(wire, out::add);
    return out.getFirst();
  }

  @Test
  void vethPeerIsANestedIfinfomsgWithItsNamespaceFd() {
    LinkSpec spec = new LinkSpec.Veth(InterfaceName.of("a0"), VethPeer.named(InterfaceName.of("b0")).withMtu(Mtu.of(1400)),
        LinkOptions.DEFAULTS.withMaster(InterfaceName.of("br123")).withUp(true));
    NetlinkMessage m = decode(encoder.create(spec, OptionalInt.of(33)).finish(1, 0));
    assertThat(m.type()).isEqualTo(Rtnl.RTM_NEWLINK);
    assertThat(m.flags()).isEqualTo(Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK | Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL);
    assertThat(m.s32(8)).as("ifi_flags").isEqualTo(Ifla.IFF_UP);
    Attributes a = m.attributes(Ifla.IFINFOMSG_LEN);
    assertThat(a.string(Ifla.IFNAME)).contains("a0");
    assertThat(a.u32(Ifla.MASTER)).hasValue(5);
    Attributes info = a.nested(Ifla.LINKINFO).orElseThrow();
    assertThat(info.string(Ifla.INFO_KIND)).contains("veth");
    ByteBuffer peer = ByteBuffer.wrap(info.nested(Ifla.INFO_DATA).orElseThrow().bytes(Ifla.VETH_INFO_PEER).orElseThrow())
        .order(java.nio.ByteOrder.nativeOrder());
    Attributes peerAttrs = Attributes.parse(peer, Ifla.IFINFOMSG_LEN, peer.limit());
    assertThat(peerAttrs.string(Ifla.IFNAME)).contains("b0");
    assertThat(peerAttrs.u32(Ifla.NET_NS_FD)).hasValue(33);
    assertThat(peerAttrs.u32(Ifla.MTU)).hasValue(1400);
  }

  @Test
  void vxlanPortIsBigEndianAndAddressesPickTheirFamily() {
    LinkSpec spec = LinkSpec.Vxlan.of(InterfaceName.of("vx"), Vni.of(77)).withLocal(IpAddress.parse("fd00::1"))
        .withRemote(IpAddress.parse("192.0.2.9")).withPort(4789).withUnderlay(InterfaceName.of("eth9x"));
    Attributes data = decode(encoder.create(spec, OptionalInt.empty()).finish(1, 0)).attributes(Ifla.IFINFOMSG_LEN)
        .nested(Ifla.LINKINFO).orElseThrow().nested(Ifla.INFO_DATA).orElseThrow();
    assertThat(data.u32(Ifla.VXLAN_ID)).hasValue(77);
    assertThat(data.bytes(Ifla.VXLAN_PORT)).hasValueSatisfying(b -> assertThat(b).containsExactly(0x12, 0xb5));
    assertThat(data.has(Ifla.VXLAN_LOCAL6)).isTrue();
    assertThat(data.has(Ifla.VXLAN_LOCAL)).isFalse();
    assertThat(data.bytes(Ifla.VXLAN_GROUP)).hasValueSatisfying(b -> assertThat(b).containsExactly(192, 0, 2, 9));
    assertThat(data.u32(Ifla.VXLAN_LINK)).hasValue(5);
    assertThat(data.u8(Ifla.VXLAN_LEARNING)).hasValue(0);
  }
}
