package dev.weft.linux.neigh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.linux.Rtnetlink;
import dev.weft.linux.error.AlreadyExistsException;
import dev.weft.linux.link.LinkOptions;
import dev.weft.linux.link.LinkSpec;
import dev.weft.linux.link.VethPeer;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.testing.Lab;
import dev.weft.linux.testing.Shell;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Vni;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class NeighboursAndFdbIT {
  @RegisterExtension static final Lab LAB = new Lab();

  @Test
  void permanentNeighboursV4AndV6() {
    NetnsRef.Named ns = LAB.namespace("n");
    Rtnetlink rt = LAB.rt(ns);
    InterfaceName dev = Lab.ifname("v");
    rt.links().create(new LinkSpec.Veth(dev, VethPeer.named(Lab.ifname("p")), LinkOptions.DEFAULTS.withUp(true)));
    Mac mac = Mac.parse("02:aa:00:00:00:01");
    rt.neighbours().add(dev, IpAddress.parse("10.70.0.2"), mac);
    rt.neighbours().add(dev, IpAddress.parse("fd70::2"), mac);
    assertThatThrownBy(() -> rt.neighbours().add(dev, IpAddress.parse("10.70.0.2"), mac))
        .isInstanceOf(AlreadyExistsException.class);
    Mac other = Mac.parse("02:aa:00:00:00:02");
    rt.neighbours().replace(dev, IpAddress.parse("10.70.0.2"), other);

    NeighbourEntry v4 = rt.neighbours().list(IpFamily.IPV4).stream()
        .filter(n -> n.address().equals(IpAddress.parse("10.70.0.2"))).findFirst().orElseThrow();
    assertThat(v4.mac()).contains(other);
    assertThat(v4.permanent()).isTrue();
    assertThat(rt.neighbours().list(IpFamily.IPV6)).anySatisfy(n -> {
      assertThat(n.address()).isEqualTo(IpAddress.parse("fd70::2"));
      assertThat(n.mac()).contains(mac);
    });
    JsonNode ip = Shell.ipJson(ns.name().value(), "neigh", "show", "dev", dev.value());
    List<String> seen = new ArrayList<>();
    ip.forEach(n -> seen.add(n.get("dst").asString() + " " + n.get("lladdr").asString() + " " + n.get("state").get(0).asString()));
    assertThat(seen).contains("10.70.0.2 " + other + " PERMANENT", "fd70::2 " + mac + " PERMANENT");

    rt.neighbours().delete(dev, IpAddress.parse("10.70.0.2"));
    assertThat(rt.neighbours().deleteIfExists(dev, IpAddress.parse("10.70.0.2"))).isFalse();
    assertThat(Shell.ipJson(ns.name().value(), "-4", "neigh", "show", "dev", dev.value()).toString())
        .doesNotContain("10.70.0.2");
  }

  @Test
  void flannelStyleVxlanFdbAndNeighbour() {
    NetnsRef.Named ns = LAB.namespace("f");
    Rtnetlink rt = LAB.rt(ns);
    InterfaceName under = Lab.ifname("u");
    rt.links().create(new LinkSpec.Veth(under, VethPeer.named(Lab.ifname("p")), LinkOptions.DEFAULTS.withUp(true)));
    rt.addresses().add(under, InterfaceAddress.parse("192.0.2.1/24"));
    InterfaceName vx = Lab.ifname("vx");
    rt.links().create(LinkSpec.Vxlan.of(vx, Vni.of(1)).withLocal(IpAddress.parse("192.0.2.1")).withUnderlay(under)
        .withOptions(LinkOptions.DEFAULTS.withUp(true)));

    FdbSpec flood1 = FdbSpec.vxlan(vx, Mac.ZERO, IpAddress.parse("192.0.2.2"));
    FdbSpec flood2 = FdbSpec.vxlan(vx, Mac.ZERO, IpAddress.parse("192.0.2.3"));
    Mac vtep = Mac.parse("02:bb:00:00:00:02");
    FdbSpec remote = FdbSpec.vxlan(vx, vtep, IpAddress.parse("192.0.2.2"));
    rt.fdb().append(flood1);
    rt.fdb().append(flood2);
    rt.fdb().append(remote);
    rt.neighbours().replace(vx, IpAddress.parse("10.244.2.0"), vtep);

    List<FdbEntry> ours = rt.fdb().list(vx);
    assertThat(ours).filteredOn(e -> e.mac().equals(Mac.ZERO)).extracting(e -> e.destination().orElseThrow())
        .containsExactlyInAnyOrder(IpAddress.parse("192.0.2.2"), IpAddress.parse("192.0.2.3"));
    assertThat(ours).anySatisfy(e -> {
      assertThat(e.mac()).isEqualTo(vtep);
      assertThat(e.destination()).contains(IpAddress.parse("192.0.2.2"));
      assertThat(e.self()).isTrue();
      assertThat(e.permanent()).isTrue();
    });
    List<String> bridge = new ArrayList<>();
    Shell.bridgeJson(ns.name().value(), "fdb", "show", "dev", vx.value())
        .forEach(e -> bridge.add(e.get("mac").asString() + " " + (e.has("dst") ? e.get("dst").asString() : "-")
            + " " + e.get("state").asString()));
    assertThat(bridge).contains("00:00:00:00:00:00 192.0.2.2 permanent", "00:00:00:00:00:00 192.0.2.3 permanent",
        vtep + " 192.0.2.2 permanent");

    rt.fdb().delete(flood2);
    assertThat(rt.fdb().list(vx)).filteredOn(e -> e.mac().equals(Mac.ZERO)).extracting(e -> e.destination().orElseThrow())
        .containsExactly(IpAddress.parse("192.0.2.2"));
    rt.fdb().delete(remote);
    assertThat(rt.fdb().list(vx)).noneMatch(e -> e.mac().equals(vtep));
    assertThat(rt.fdb().deleteIfExists(remote)).as("a MAC with no entry left is ENOENT").isFalse();
  }

  @Test
  void staticBridgePortFdbEntry() {
    NetnsRef.Named ns = LAB.namespace("b");
    Rtnetlink rt = LAB.rt(ns);
    InterfaceName br = Lab.ifname("br");
    InterfaceName port = Lab.ifname("v");
    rt.links().create(new LinkSpec.Bridge(br, LinkOptions.DEFAULTS.withUp(true)));
    rt.links().create(new LinkSpec.Veth(port, VethPeer.named(Lab.ifname("p")), LinkOptions.DEFAULTS.withMaster(br)));
    Mac mac = Mac.parse("02:cc:00:00:00:09");
    rt.fdb().add(FdbSpec.bridgePort(port, mac));
    assertThat(rt.fdb().list(port)).anySatisfy(e -> {
      assertThat(e.mac()).isEqualTo(mac);
      assertThat(e.master()).hasValue(rt.links().indexOf(br));
    });
    assertThat(Shell.bridgeJson(ns.name().value(), "fdb", "show", "dev", port.value()).toString()).contains(mac.toString());
    rt.fdb().delete(FdbSpec.bridgePort(port, mac));
    assertThat(rt.fdb().list(port)).noneMatch(e -> e.mac().equals(mac));
  }
}
