package dev.weft.ipam.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.cni.protocol.CniArgs;
import dev.weft.cni.protocol.CniException;
import dev.weft.cni.protocol.NetworkConfig;
import dev.weft.ipam.range.IpRange;
import dev.weft.model.value.IpAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpamConfigParserTest {

  static IpamConfig parse(String ipam) throws CniException {
    return parse(ipam, "", "");
  }

  static IpamConfig parse(String ipam, String extraTopLevel, String cniArgs) throws CniException {
    String json = "{\"cniVersion\":\"1.0.0\",\"name\":\"net1\",\"type\":\"bridge\"" + extraTopLevel
        + ",\"ipam\":" + ipam + "}";
    return IpamConfigParser.parse(NetworkConfig.parse(json.getBytes(StandardCharsets.UTF_8)), CniArgs.parse(cniArgs));
  }

  static IpAddress ip(String s) {
    return IpAddress.parse(s);
  }

  @Test
  void fillsHostLocalDefaults() throws Exception {
    IpamConfig c = parse("{\"type\":\"weft-ipam\",\"ranges\":[[{\"subnet\":\"10.1.0.0/24\"}],[{\"subnet\":\"fd00:1::/64\"}]]}");
    IpRange v4 = c.rangeSets().get(0).ranges().getFirst();
    assertThat(v4.gateway()).isEqualTo(ip("10.1.0.1"));
    assertThat(v4.start()).isEqualTo(ip("10.1.0.1"));
    assertThat(v4.end()).isEqualTo(ip("10.1.0.254"));
    IpRange v6 = c.rangeSets().get(1).ranges().getFirst();
    assertThat(v6.start()).isEqualTo(ip("fd00:1::1"));
    assertThat(v6.end()).isEqualTo(ip("fd00:1::ffff:ffff:ffff:ffff"));
    assertThat(c.dataDir()).isEqualTo(Path.of("/var/lib/cni/networks"));
    assertThat(c.network()).isEqualTo("net1");
    assertThat(c.reclaimMissingNetns()).isFalse();
  }

  @Test
  void acceptsTheLegacyFlatFormFirstAndRoutesDataDirResolvConf() throws Exception {
    IpamConfig c = parse("""
        {"type":"host-local","subnet":"10.2.0.0/16","rangeStart":"10.2.1.10","rangeEnd":"10.2.1.20","gateway":"10.2.0.254",
         "ranges":[[{"subnet":"fd00::/120"}]],
         "routes":[{"dst":"0.0.0.0/0"},{"dst":"192.168.0.0/16","gw":"10.2.0.254"}],
         "dataDir":"/tmp/x","resolvConf":"/etc/resolv.conf","reclaimMissingNetns":true}
        """);
    assertThat(c.rangeSets()).hasSize(2);
    IpRange flat = c.rangeSets().getFirst().ranges().getFirst();
    assertThat(flat).isEqualTo(new IpRange(flat.subnet(), ip("10.2.1.10"), ip("10.2.1.20"), ip("10.2.0.254")));
    assertThat(c.routes()).hasSize(2);
    assertThat(c.routes().get(1).gw()).contains(ip("10.2.0.254"));
    assertThat(c.dataDir()).isEqualTo(Path.of("/tmp/x"));
    assertThat(c.resolvConf()).contains(Path.of("/etc/resolv.conf"));
    assertThat(c.reclaimMissingNetns()).isTrue();
  }

  @Test
  void runtimeIpRangesComeFirst() throws Exception {
    IpamConfig c = parse("{\"ranges\":[[{\"subnet\":\"10.1.0.0/24\"}]]}",
        ",\"runtimeConfig\":{\"ipRanges\":[[{\"subnet\":\"10.9.0.0/24\"}]]}", "");
    assertThat(c.rangeSets().getFirst().ranges().getFirst().subnet().toString()).isEqualTo("10.9.0.0/24");
  }

  @Test
  void collectsRequestedAddressesFromArgsConfigArgsAndCapability() throws Exception {
    IpamConfig c = parse("{\"ranges\":[[{\"subnet\":\"10.1.0.0/24\"}],[{\"subnet\":\"10.2.0.0/24\"}],[{\"subnet\":\"10.3.0.0/24\"}]]}",
        ",\"args\":{\"cni\":{\"ips\":[\"10.2.0.9\"]}},\"runtimeConfig\":{\"ips\":[\"10.3.0.9/24\"]}",
        "IgnoreUnknown=1;K8S_POD_NAME=x;ip=10.1.0.9");
    assertThat(c.requested()).containsExactly(ip("10.1.0.9"), ip("10.2.0.9"), ip("10.3.0.9"));
  }

  @Test
  void acceptsHostLocalsRealArgKeyIpInCapitals() throws Exception {
    assertThat(parse("{\"subnet\":\"10.1.0.0/24\"}", "", "IP=10.1.0.7").requested()).containsExactly(ip("10.1.0.7"));
  }

  @Test
  void unknownCniArgsFailWithoutIgnoreUnknown() {
    assertThatThrownBy(() -> parse("{\"subnet\":\"10.1.0.0/24\"}", "", "K8S_POD_NAME=x"))
        .isInstanceOfSatisfying(CniException.class, e -> assertThat(e.getMessage()).contains("K8S_POD_NAME"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"type\":\"weft-ipam\"}|ipam: no IP ranges specified",
      "{\"ranges\":[[{\"subnet\":\"10.1.0.0/31\"}]]}|ipam.ranges[0][0].subnet: network 10.1.0.0/31 is too small",
      "{\"ranges\":[[{\"subnet\":\"10.1.0.0/33\"}]]}|ipam.ranges[0][0].subnet: invalid CIDR",
      "{\"ranges\":[[{\"subnet\":\"10.1.0.0/24\",\"gateway\":\"10.2.0.1\"}]]}|ipam.ranges[0][0].gateway: 10.2.0.1 is not in network 10.1.0.0/24",
      "{\"ranges\":[[{\"subnet\":\"10.1.0.0/24\",\"rangeStart\":\"10.1.0.50\",\"rangeEnd\":\"10.1.0.40\"}]]}|ipam.ranges[0][0]: rangeStart 10.1.0.50 is after rangeEnd",
      "{\"ranges\":[[{\"subnet\":\"10.1.0.0/24\"},{\"subnet\":\"fd00::/64\"}]]}|ipam.ranges[0]: mixes IPv4 and IPv6",
      "{\"ranges\":[[{\"subnet\":\"10.1.0.0/24\"}],[{\"subnet\":\"10.1.0.0/25\"}]]}|range set 0 overlaps with range set 1",
      "{\"ranges\":[[]]}|ipam.ranges[0]: empty range set",
      "{\"ranges\":{}}|ipam.ranges: expected an array, got an object",
      "{\"ranges\":[[{\"subnet\":\"10.1.0.0/24\"}]],\"routes\":[{\"gw\":\"10.1.0.1\"}]}|ipam.routes[0].dst: missing",
      "{\"ranges\":[[{\"subnet\":\"10.1.0.0/24\"}]],\"dataDir\":5}|ipam.dataDir: expected a string, got a number",
      "{\"ranges\":[[{\"subnet\":\"10.1.0.0/24\"}]],\"reclaimMissingNetns\":\"yes\"}|ipam.reclaimMissingNetns: expected true or false",
  })
  void badConfigIsCode7NamingTheField(String ipam, String message) {
    assertThatThrownBy(() -> parse(ipam)).isInstanceOfSatisfying(CniException.class, e -> {
      assertThat(e.code().value()).isEqualTo(7);
      assertThat(e.getMessage()).contains(message);
    });
  }

  @Test
  void missingIpamSectionIsCode7() {
    assertThatThrownBy(() -> IpamConfigParser.parse(NetworkConfig.parse(
        "{\"cniVersion\":\"1.0.0\",\"name\":\"n\"}".getBytes(StandardCharsets.UTF_8)), CniArgs.EMPTY))
        .hasMessageContaining("'ipam'");
  }

  @Test
  void readsResolvConf() {
    var dns = ResolvConf.parse("# c\nnameserver 10.0.0.10\nnameserver fd00::a\nsearch a.svc b.svc\ndomain corp\noptions ndots:5\n");
    assertThat(dns.nameservers()).containsExactly("10.0.0.10", "fd00::a");
    assertThat(dns.search()).containsExactly("a.svc", "b.svc");
    assertThat(dns.domain()).contains("corp");
    assertThat(dns.options()).containsExactly("ndots:5");
  }
}
