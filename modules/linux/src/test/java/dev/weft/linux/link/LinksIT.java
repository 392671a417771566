package dev.weft.linux.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.linux.Rtnetlink;
import dev.weft.linux.error.AlreadyExistsException;
import dev.weft.linux.error.NoSuchDeviceException;
import dev.weft.linux.error.UnsupportedLinkKindException;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.testing.Lab;
import dev.weft.linux.testing.Shell;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Vni;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class LinksIT {
  @RegisterExtension static final Lab LAB = new Lab();

  private static JsonNode ipLink(NetnsRef.Named ns, InterfaceName name) {
    return Shell.ipJson(ns.name().value(), "-d", "link", "show", "dev", name.value()).get(0);
  }

  @Test
  void vethPairInOneNamespaceReadsBackLikeIproute2() {
    NetnsRef.Named ns = LAB.namespace("a");
    Rtnetlink rt = LAB.rt(ns);
    InterfaceName a = Lab.ifname("va");
    InterfaceName b = Lab.ifname("vb");
    Mac mac = Mac.parse("02:00:00:aa:bb:01");
    Link created = rt.links().create(new LinkSpec.Veth(a, VethPeer.named(b).withMtu(Mtu.of(1400)),
        LinkOptions.DEFAULTS.withMtu(Mtu.of(1400)).withMac(mac).withUp(true)));

    assertThat(created.name()).isEqualTo(a);
    assertThat(created.kind()).contains("veth");
    assertThat(created.mtu()).isEqualTo(1400);
    assertThat(created.mac()).contains(mac);
    assertThat(created.up()).isTrue();
    Link peer = rt.links().get(b).orElseThrow();
    assertThat(created.peerOrParent()).hasValue(peer.index());

    JsonNode ip = ipLink(ns, a);
    assertThat(ip.get("ifindex").asInt()).isEqualTo(created.index());
    assertThat(ip.get("mtu").asInt()).isEqualTo(1400);
    assertThat(ip.get("address").asString()).isEqualTo(mac.toString());
    assertThat(ip.get("linkinfo").get("info_kind").asString()).isEqualTo("veth");
    assertThat(ip.get("flags").toString()).contains("\"UP\"");
    assertThat(ip.get("link").asString()).isEqualTo(b.value());
  }

  @Test
  void vethPeerCreatedDirectlyInAnotherNamespace() {
    NetnsRef.Named left = LAB.namespace("l");
    NetnsRef.Named right = LAB.namespace("r");
    InterfaceName a = Lab.ifname("va");
    InterfaceName b = Lab.ifname("vb");
    LAB.rt(left).links().create(new LinkSpec.Veth(a, VethPeer.named(b).in(right).withUp(true), LinkOptions.DEFAULTS));

    assertThat(LAB.rt(left).links().get(b)).isEmpty();
    Link peer = LAB.rt(right).links().get(b).orElseThrow();
    assertThat(peer.kind()).contains("veth");
    assertThat(peer.up()).isTrue();
    assertThat(LAB.rt(left).links().get(a).orElseThrow().peerNetnsId()).isPresent();
    assertThat(ipLink(right, b).get("ifname").asString()).isEqualTo(b.value());
  }

  @Test
  void bridgeMasterNomasterMtuMacUpDown() {
    NetnsRef.Named ns = LAB.namespace("b");
    Rtnetlink rt = LAB.rt(ns);
    InterfaceName br = Lab.ifname("br");
    InterfaceName a = Lab.ifname("va");
    InterfaceName b = Lab.ifname("vb");
    Link bridge = rt.links().create(new LinkSpec.Bridge(br, LinkOptions.DEFAULTS.withUp(true)));
    assertThat(bridge.data()).isInstanceOf(LinkData.BridgeData.class);
    rt.links().create(new LinkSpec.Veth(a, VethPeer.named(b), LinkOptions.DEFAULTS.withMaster(br)));
    assertThat(rt.links().get(a).orElseThrow().master()).hasValue(bridge.index());
    assertThat(rt.links().get(a).orElseThrow().portKind()).contains("bridge");
    assertThat(ipLink(ns, a).get("master").asString()).isEqualTo(br.value());

    rt.links().setNoMaster(a);
    assertThat(rt.links().get(a).orElseThrow().master()).isEmpty();
    assertThat(ipLink(ns, a).has("master")).isFalse();
    rt.links().setMaster(b, br);
    assertThat(ipLink(ns, b).get("master").asString()).isEqualTo(br.value());

    rt.links().setMtu(a, Mtu.of(1280));
    Mac mac = Mac.parse("02:11:22:33:44:55");
    rt.links().setMac(a, mac);
    rt.links().setUp(a);
    Link after = rt.links().get(a).orElseThrow();
    assertThat(after.mtu()).isEqualTo(1280);
    assertThat(after.mac()).contains(mac);
    assertThat(after.up()).isTrue();
    JsonNode ip = ipLink(ns, a);
    assertThat(ip.get("mtu").asInt()).isEqualTo(1280);
    assertThat(ip.get("address").asString()).isEqualTo(mac.toString());
    rt.links().setDown(a);
    assertThat(rt.links().get(a).orElseThrow().up()).isFalse();
    assertThat(ipLink(ns, a).get("flags").toString()).doesNotContain("\"UP\"");
  }

  @Test
  void vxlanAttributesMatchIproute2() {
    NetnsRef.Named ns = LAB.namespace("x");
    Rtnetlink rt = LAB.rt(ns);
    InterfaceName under = Lab.ifname("u");
    InterfaceName peer = Lab.ifname("p");
    rt.links().create(new LinkSpec.Veth(under, VethPeer.named(peer), LinkOptions.DEFAULTS.withUp(true)));
    rt.addresses().add(under, dev.weft.model.value.InterfaceAddress.parse("192.0.2.1/24"));
    InterfaceName vx = Lab.ifname("vx");
    LinkSpec.Vxlan spec = LinkSpec.Vxlan.of(vx, Vni.of(4242)).withLocal(IpAddress.parse("192.0.2.1"))
        .withRemote(IpAddress.parse("192.0.2.2")).withPort(4789).withLearning(false).withUnderlay(under)
        .withOptions(LinkOptions.DEFAULTS.withMtu(Mtu.of(1450)));
    Link link = rt.links().create(spec);

    LinkData.VxlanData data = (LinkData.VxlanData) link.data();
    assertThat(data.vni()).isEqualTo(Vni.of(4242));
    assertThat(data.local()).contains(IpAddress.parse("192.0.2.1"));
    assertThat(data.remote()).contains(IpAddress.parse("192.0.2.2"));
    assertThat(data.port()).isEqualTo(4789);
    assertThat(data.learning()).isFalse();
    assertThat(data.underlayIndex()).hasValue(rt.links().indexOf(under));

    JsonNode info = ipLink(ns, vx).get("linkinfo").get("info_data");
    assertThat(info.get("id").asInt()).isEqualTo(4242);
    assertThat(info.get("local").asString()).isEqualTo("192.0.2.1");
    assertThat(info.get("remote").asString()).isEqualTo("192.0.2.2");
    assertThat(info.get("port").asInt()).isEqualTo(4789);
    assertThat(info.get("learning").asBoolean()).isFalse();
    assertThat(info.get("link").asString()).isEqualTo(under.value());
    assertThat(ipLink(ns, vx).get("mtu").asInt()).isEqualTo(1450);
  }

  @Test
  void macvlanOnAParent() {
    NetnsRef.Named ns = LAB.namespace("m");
    Rtnetlink rt = LAB.rt(ns);
    InterfaceName parent = Lab.ifname("p");
    rt.links().create(new LinkSpec.Veth(parent, VethPeer.named(Lab.ifname("q")), LinkOptions.DEFAULTS));
    InterfaceName mv = Lab.ifname("mv");
    Link link = rt.links().create(new LinkSpec.Macvlan(mv, parent, MacvlanMode.BRIDGE, LinkOptions.DEFAULTS));
    assertThat(link.kind()).contains("macvlan");
    assertThat(link.data()).isEqualTo(new LinkData.MacvlanData(java.util.Optional.of(MacvlanMode.BRIDGE)));
    assertThat(link.peerOrParent()).hasValue(rt.links().indexOf(parent));
    JsonNode ip = ipLink(ns, mv);
    assertThat(ip.get("linkinfo").get("info_data").get("mode").asString()).isEqualTo("bridge");
    assertThat(ip.get("link").asString()).isEqualTo(parent.value());
  }

  @Test
  void persistentTapInANamespace() {
    NetnsRef.Named ns = LAB.namespace("t");
    Rtnetlink rt = LAB.rt(ns);
    InterfaceName tap = Lab.ifname("tap");
    Link link = rt.links().create(new LinkSpec.Tap(tap, LinkOptions.DEFAULTS.withMtu(Mtu.of(9000)).withUp(true)));
    assertThat(link.kind()).contains("tun");
    assertThat(link.mtu()).isEqualTo(9000);
    assertThat(link.up()).isTrue();
    JsonNode ip = ipLink(ns, tap);
    assertThat(ip.get("linkinfo").get("info_kind").asString()).isEqualTo("tun");
    assertThat(ip.get("linkinfo").get("info_data").get("type").asString()).isEqualTo("tap");
    assertThat(ip.get("linkinfo").get("info_data").get("persist").asBoolean()).isTrue();
    assertThat(Shell.ipJson("", "link", "show").toString()).doesNotContain(tap.value());
    rt.links().delete(tap);
    assertThat(rt.links().get(tap)).isEmpty();
  }

  @Test
  void moveToAnotherNamespaceAndDelete() {
    NetnsRef.Named from = LAB.namespace("f");
    NetnsRef.Named to = LAB.namespace("g");
    InterfaceName a = Lab.ifname("va");
    InterfaceName b = Lab.ifname("vb");
    LAB.rt(from).links().create(new LinkSpec.Veth(a, VethPeer.named(b), LinkOptions.DEFAULTS));
    LAB.rt(from).links().moveTo(b, to);
    assertThat(LAB.rt(from).links().get(b)).isEmpty();
    assertThat(LAB.rt(to).links().get(b)).isPresent();
    assertThat(ipLink(to, b).get("ifname").asString()).isEqualTo(b.value());

    LAB.rt(from).links().delete(a);
    assertThat(LAB.rt(from).links().get(a)).isEmpty();
    assertThat(LAB.rt(to).links().get(b)).as("deleting one veth end removes the pair").isEmpty();
    assertThat(LAB.rt(from).links().deleteIfExists(a)).isFalse();
  }

  @Test
  void listAndLookupByIndexAgreeWithIproute2() {
    NetnsRef.Named ns = LAB.namespace("l");
    Rtnetlink rt = LAB.rt(ns);
    rt.links().create(new LinkSpec.Bridge(Lab.ifname("br"), LinkOptions.DEFAULTS));
    var ours = rt.links().list().stream().map(l -> l.index() + ":" + l.name()).toList();
    var theirs = new java.util.ArrayList<String>();
    Shell.ipJson(ns.name().value(), "link", "show").forEach(n -> theirs.add(n.get("ifindex").asInt() + ":" + n.get("ifname").asString()));
    assertThat(ours).containsExactlyElementsOf(theirs);
    Link lo = rt.links().get(InterfaceName.of("lo")).orElseThrow();
    assertThat(rt.links().get(lo.index())).contains(lo);
    assertThat(lo.mtu()).isEqualTo(65536);
  }

  @Test
  void typedErrors() {
    NetnsRef.Named ns = LAB.namespace("e");
    Rtnetlink rt = LAB.rt(ns);
    InterfaceName br = Lab.ifname("br");
    rt.links().create(new LinkSpec.Bridge(br, LinkOptions.DEFAULTS));
    assertThatThrownBy(() -> rt.links().create(new LinkSpec.Bridge(br, LinkOptions.DEFAULTS)))
        .isInstanceOf(AlreadyExistsException.class).hasMessageContaining(br.value()).hasMessageContaining("EEXIST");
    InterfaceName missing = Lab.ifname("no");
    assertThatThrownBy(() -> rt.links().delete(missing)).isInstanceOf(NoSuchDeviceException.class)
        .hasMessageContaining("ENODEV");
    assertThatThrownBy(() -> rt.links().setUp(missing)).isInstanceOf(NoSuchDeviceException.class);
    assertThat(rt.links().get(missing)).isEmpty();
  }

  @Test
  void kernelGreIsReportedAsUnsupported() {
    NetnsRef.Named ns = LAB.namespace("g");
    Rtnetlink rt = LAB.rt(ns);
    InterfaceName gre = Lab.ifname("gre");
    assertThatThrownBy(() -> rt.links().create(new LinkSpec.IpTunnel(gre, TunnelKind.GRE,
        IpAddress.parse("192.0.2.1"), IpAddress.parse("192.0.2.2"), LinkOptions.DEFAULTS)))
        .isInstanceOf(UnsupportedLinkKindException.class)
        .hasMessageContaining("this kernel has no gre support")
        .hasMessageContaining("unsupported by this kernel");
    assertThatThrownBy(() -> rt.links().create(new LinkSpec.IpTunnel(Lab.ifname("gt"), TunnelKind.GRETAP,
        IpAddress.parse("192.0.2.1"), IpAddress.parse("192.0.2.2"), LinkOptions.DEFAULTS)))
        .isInstanceOf(UnsupportedLinkKindException.class).hasMessageContaining("no gre support");
    assertThatThrownBy(() -> rt.links().create(new LinkSpec.Geneve(Lab.ifname("gn"), Vni.of(5),
        IpAddress.parse("192.0.2.2"), LinkOptions.DEFAULTS)))
        .isInstanceOf(UnsupportedLinkKindException.class).hasMessageContaining("no geneve support");
    assertThat(rt.links().get(gre)).isEmpty();
  }
}
