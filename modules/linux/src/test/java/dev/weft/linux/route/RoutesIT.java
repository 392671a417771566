package dev.weft.linux.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.linux.Rtnetlink;
import dev.weft.linux.error.AlreadyExistsException;
import dev.weft.linux.error.NotFoundException;
import dev.weft.linux.link.LinkOptions;
import dev.weft.linux.link.LinkSpec;
import dev.weft.linux.link.VethPeer;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.testing.Lab;
import dev.weft.linux.testing.Shell;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class RoutesIT {
  @RegisterExtension static final Lab LAB = new Lab();

  private static JsonNode ipRoute(NetnsRef.Named ns, String family, String dst, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = family;
    args[1] = "route";
    args[2] = "show";
    args[3] = dst;
    System.arraycopy(more, 0, args, 4, more.length);
    return Shell.ipJson(ns.name().value(), args);
  }

  private record Setup(NetnsRef.Named ns, Rtnetlink rt, InterfaceName dev) {}

  private static Setup setup() {
    NetnsRef.Named ns = LAB.namespace("r");
    Rtnetlink rt = LAB.rt(ns);
    InterfaceName dev = Lab.ifname("v");
    rt.links().create(new LinkSpec.Veth(dev, VethPeer.named(Lab.ifname("p")).withUp(true), LinkOptions.DEFAULTS.withUp(true)));
    rt.addresses().add(dev, InterfaceAddress.parse("10.50.0.1/24"));
    rt.addresses().add(dev, InterfaceAddress.parse("fd50::1/64"));
    return new Setup(ns, rt, dev);
  }

  @Test
  void ipv4ViaAndDevWithMetric() {
    Setup s = setup();
    RouteSpec via = RouteSpec.to(Cidr.parse("10.60.0.0/16")).via(IpAddress.parse("10.50.0.254")).dev(s.dev()).metric(50);
    s.rt().routes().add(via);
    RouteEntry ours = s.rt().routes().list(IpFamily.IPV4, 254).stream()
        .filter(r -> r.destination().equals(Cidr.parse("10.60.0.0/16"))).findFirst().orElseThrow();
    assertThat(ours.gateway()).contains(IpAddress.parse("10.50.0.254"));
    assertThat(ours.metric()).hasValue(50);
    assertThat(ours.outputIndex()).hasValue(s.rt().links().indexOf(s.dev()));
    assertThat(ours.protocol()).isEqualTo(RouteSpec.PROTOCOL_STATIC);
    JsonNode ip = ipRoute(s.ns(), "-4", "10.60.0.0/16").get(0);
    assertThat(ip.get("gateway").asString()).isEqualTo("10.50.0.254");
    assertThat(ip.get("dev").asString()).isEqualTo(s.dev().value());
    assertThat(ip.get("metric").asInt()).isEqualTo(50);
    assertThat(ip.get("protocol").asString()).isEqualTo("static");

    assertThatThrownBy(() -> s.rt().routes().add(via)).isInstanceOf(AlreadyExistsException.class);
    s.rt().routes().replace(via.via(IpAddress.parse("10.50.0.253")));
    assertThat(ipRoute(s.ns(), "-4", "10.60.0.0/16").get(0).get("gateway").asString()).isEqualTo("10.50.0.253");
    s.rt().routes().delete(RouteSpec.to(Cidr.parse("10.60.0.0/16")).metric(50));
    assertThat(ipRoute(s.ns(), "-4", "10.60.0.0/16")).isEmpty();
    assertThatThrownBy(() -> s.rt().routes().delete(via)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void ipv4OnlinkGatewayOutsideAnySubnet() {
    Setup s = setup();
    RouteSpec onlink = RouteSpec.to(Cidr.parse("10.244.1.0/24")).via(IpAddress.parse("192.168.77.1")).dev(s.dev()).withOnlink();
    s.rt().routes().add(onlink);
    RouteEntry ours = s.rt().routes().list(IpFamily.IPV4).stream()
        .filter(r -> r.destination().equals(Cidr.parse("10.244.1.0/24"))).findFirst().orElseThrow();
    assertThat(ours.onlink()).isTrue();
    JsonNode ip = ipRoute(s.ns(), "-4", "10.244.1.0/24").get(0);
    assertThat(ip.get("flags").toString()).contains("onlink");
    assertThat(ip.get("gateway").asString()).isEqualTo("192.168.77.1");
    assertThatThrownBy(() -> s.rt().routes().add(RouteSpec.to(Cidr.parse("10.244.2.0/24"))
        .via(IpAddress.parse("192.168.77.1")).dev(s.dev())))
        .as("without onlink the kernel refuses an unreachable gateway").isInstanceOf(RuntimeException.class);
  }

  @Test
  void ipv6RoutesViaDevOnlinkAndDefault() {
    Setup s = setup();
    s.rt().routes().add(RouteSpec.to(Cidr.parse("fd60::/48")).via(IpAddress.parse("fd50::fe")).dev(s.dev()));
    s.rt().routes().add(RouteSpec.to(Cidr.parse("fd61::/48")).via(IpAddress.parse("fd99::1")).dev(s.dev()).withOnlink());
    s.rt().routes().add(RouteSpec.to(Cidr.parse("::/0")).via(IpAddress.parse("fd50::1:1")).dev(s.dev()).metric(1024));
    s.rt().routes().add(RouteSpec.to(Cidr.parse("fd62::/64")).dev(s.dev()).table(100));

    var v6 = s.rt().routes().list(IpFamily.IPV6);
    assertThat(v6).anySatisfy(r -> {
      assertThat(r.destination()).isEqualTo(Cidr.parse("fd60::/48"));
      assertThat(r.gateway()).contains(IpAddress.parse("fd50::fe"));
    });
    assertThat(v6).anySatisfy(r -> {
      assertThat(r.destination()).isEqualTo(Cidr.parse("fd61::/48"));
      assertThat(r.onlink()).isTrue();
    });
    assertThat(v6).anySatisfy(r -> {
      assertThat(r.destination()).isEqualTo(Cidr.parse("::/0"));
      assertThat(r.metric()).hasValue(1024);
    });
    assertThat(s.rt().routes().list(IpFamily.IPV6, 100)).extracting(RouteEntry::destination)
        .containsExactly(Cidr.parse("fd62::/64"));
    assertThat(ipRoute(s.ns(), "-6", "fd60::/48").get(0).get("gateway").asString()).isEqualTo("fd50::fe");
    assertThat(ipRoute(s.ns(), "-6", "fd61::/48").get(0).get("flags").toString()).contains("onlink");
    assertThat(ipRoute(s.ns(), "-6", "default").get(0).get("gateway").asString()).isEqualTo("fd50::1:1");
    assertThat(ipRoute(s.ns(), "-6", "fd62::/64", "table", "100").get(0).get("dev").asString()).isEqualTo(s.dev().value());
    s.rt().routes().delete(RouteSpec.to(Cidr.parse("fd62::/64")).table(100));
    assertThat(ipRoute(s.ns(), "-6", "fd62::/64", "table", "100")).isEmpty();
  }

  @Test
  void blackholeRoute() {
    Setup s = setup();
    s.rt().routes().add(RouteSpec.to(Cidr.parse("10.99.0.0/16")).type(RouteType.BLACKHOLE));
    assertThat(s.rt().routes().list(IpFamily.IPV4)).anySatisfy(r -> {
      assertThat(r.destination()).isEqualTo(Cidr.parse("10.99.0.0/16"));
      assertThat(r.type()).contains(RouteType.BLACKHOLE);
    });
    assertThat(ipRoute(s.ns(), "-4", "10.99.0.0/16").get(0).get("type").asString()).isEqualTo("blackhole");
  }
}
