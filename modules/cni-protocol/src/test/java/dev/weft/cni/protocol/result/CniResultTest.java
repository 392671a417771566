package dev.weft.cni.protocol.result;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cni.protocol.CniVersion;
import dev.weft.cni.protocol.ConfigNode;
import dev.weft.cni.protocol.json.JsonParser;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CniResultTest {

  static final CniResult FULL = new CniResult(
      List.of(new InterfaceInfo("eth0", Optional.of(Mac.parse("0a:58:0a:00:00:05")), OptionalInt.of(1450),
          Optional.of("/run/netns/x"), Optional.empty(), Optional.empty())),
      List.of(new IpConfig(InterfaceAddress.parse("10.0.0.5/24"), Optional.of(IpAddress.parse("10.0.0.1")),
              OptionalInt.of(0)),
          IpConfig.of(InterfaceAddress.parse("fd00::5/64"), Optional.empty())),
      List.of(new RouteEntry(Cidr.parse("0.0.0.0/0"), Optional.of(IpAddress.parse("10.0.0.1")), OptionalInt.of(1400),
          OptionalInt.empty(), OptionalInt.of(10), OptionalInt.empty(), OptionalInt.empty())),
      new Dns(List.of("10.96.0.10"), Optional.of("cluster.local"), List.of("svc.cluster.local"), List.of()));

  @Test
  void version040CarriesIpVersionAndNo11Keys() {
    assertThat(FULL.toJson(CniVersion.V0_4_0).toJson()).isEqualTo(
        "{\"cniVersion\":\"0.4.0\",\"interfaces\":[{\"name\":\"eth0\",\"mac\":\"0a:58:0a:00:00:05\",\"sandbox\":\"/run/netns/x\"}],"
            + "\"ips\":[{\"version\":\"4\",\"interface\":0,\"address\":\"10.0.0.5/24\",\"gateway\":\"10.0.0.1\"},"
            + "{\"version\":\"6\",\"address\":\"fd00::5/64\"}],"
            + "\"routes\":[{\"dst\":\"0.0.0.0/0\",\"gw\":\"10.0.0.1\"}],"
            + "\"dns\":{\"nameservers\":[\"10.96.0.10\"],\"domain\":\"cluster.local\",\"search\":[\"svc.cluster.local\"]}}");
  }

  @Test
  void version100DropsIpVersion() {
    String json = FULL.toJson(CniVersion.V1_0_0).toJson();
    assertThat(json).startsWith("{\"cniVersion\":\"1.0.0\"").doesNotContain("\"version\"").doesNotContain("\"mtu\"");
  }

  @Test
  void version110AddsRouteAndInterfaceExtras() {
    String json = FULL.toJson(CniVersion.V1_1_0).toJson();
    assertThat(json).contains("{\"name\":\"eth0\",\"mac\":\"0a:58:0a:00:00:05\",\"mtu\":1450,\"sandbox\":\"/run/netns/x\"}")
        .contains("{\"dst\":\"0.0.0.0/0\",\"gw\":\"10.0.0.1\",\"mtu\":1400,\"priority\":10}");
  }

  @Test
  void ipamResultHasNoInterfacesAndEmptyDnsObject() {
    CniResult ipam = CniResult.ipam(List.of(IpConfig.of(InterfaceAddress.parse("10.1.0.2/16"),
        Optional.of(IpAddress.parse("10.1.0.1")))), List.of(), Dns.EMPTY);
    assertThat(ipam.toJson(CniVersion.V0_3_1).toJson()).isEqualTo(
        "{\"cniVersion\":\"0.3.1\",\"ips\":[{\"version\":\"4\",\"address\":\"10.1.0.2/16\",\"gateway\":\"10.1.0.1\"}],\"dns\":{}}");
  }

  @Test
  void parsesWhatItRendersForEveryVersion() throws Exception {
    for (CniVersion v : CniVersion.SUPPORTED) {
      CniResult back = CniResult.fromJson(ConfigNode.root(JsonParser.parse(FULL.toJson(v).toJson())));
      if (v.atLeast(CniVersion.V1_1_0)) {
        assertThat(back).isEqualTo(FULL);
      } else {
        assertThat(back.ips()).isEqualTo(FULL.ips());
        assertThat(back.dns()).isEqualTo(FULL.dns());
        assertThat(back.routes().getFirst().dst()).isEqualTo(FULL.routes().getFirst().dst());
      }
    }
  }
}
