package dev.weft.linux.addr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.linux.Rtnetlink;
import dev.weft.linux.error.AlreadyExistsException;
import dev.weft.linux.error.NotFoundException;
import dev.weft.linux.link.LinkOptions;
import dev.weft.linux.link.LinkSpec;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.testing.Lab;
import dev.weft.linux.testing.Shell;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class AddressesIT {
  @RegisterExtension static final Lab LAB = new Lab();

  private static List<String> ipAddrs(NetnsRef.Named ns, InterfaceName dev) {
    List<String> out = new ArrayList<>();
    for (JsonNode a : Shell.ipJson(ns.name().value(), "addr", "show", "dev", dev.value()).get(0).get("addr_info")) {
      if (!a.get("scope").asString().equals("link")) {
        out.add(a.get("local").asString() + "/" + a.get("prefixlen").asInt());
      }
    }
    return out;
  }

  @Test
  void addListDeleteIpv4AndIpv6() {
    NetnsRef.Named ns = LAB.namespace("a");
    Rtnetlink rt = LAB.rt(ns);
    InterfaceName br = Lab.ifname("br");
    rt.links().create(new LinkSpec.Bridge(br, LinkOptions.DEFAULTS.withUp(true)));
    InterfaceAddress v4 = InterfaceAddress.parse("10.44.0.5/24");
    InterfaceAddress v6 = InterfaceAddress.parse("fd00:44::5/64");
    rt.addresses().add(br, v4);
    rt.addresses().add(br, v6);

    List<AddressEntry> ours = rt.addresses().list(br);
    assertThat(ours).extracting(AddressEntry::address).contains(v4, v6);
    assertThat(ours).filteredOn(a -> a.address().equals(v6)).singleElement()
        .satisfies(a -> assertThat(a.noDad()).as("IPv6 added with nodad").isTrue());
    assertThat(ipAddrs(ns, br)).containsExactlyInAnyOrder("10.44.0.5/24", "fd00:44::5/64");
    JsonNode v6info = Shell.ipJson(ns.name().value(), "-6", "addr", "show", "dev", br.value()).get(0).get("addr_info");
    JsonNode ours6 = java.util.stream.StreamSupport.stream(v6info.spliterator(), false)
        .filter(a -> a.get("local").asString().equals("fd00:44::5")).findFirst().orElseThrow();
    assertThat(ours6.has("nodad")).isTrue();
    assertThat(ours6.has("tentative")).as("nodad addresses are usable at once").isFalse();

    assertThatThrownBy(() -> rt.addresses().add(br, v4)).isInstanceOf(AlreadyExistsException.class);
    rt.addresses().delete(br, v4);
    assertThat(ipAddrs(ns, br)).containsExactly("fd00:44::5/64");
    assertThatThrownBy(() -> rt.addresses().delete(br, v4)).isInstanceOf(NotFoundException.class);
    assertThat(rt.addresses().deleteIfExists(br, v6)).isTrue();
    assertThat(rt.addresses().deleteIfExists(br, v6)).isFalse();
    assertThat(ipAddrs(ns, br)).isEmpty();
  }

  @Test
  void addressReadBackOfAddressesIproute2Added() {
    NetnsRef.Named ns = LAB.namespace("b");
    Rtnetlink rt = LAB.rt(ns);
    InterfaceName br = Lab.ifname("br");
    rt.links().create(new LinkSpec.Bridge(br, LinkOptions.DEFAULTS));
    Shell.ok("ip", "-n", ns.name().value(), "addr", "add", "172.31.9.1/28", "dev", br.value());
    assertThat(rt.addresses().list(br)).extracting(AddressEntry::address)
        .contains(InterfaceAddress.parse("172.31.9.1/28"));
  }
}
