package dev.weft.model.value;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import tools.jackson.databind.json.JsonMapper;

/** parse(format(v)) == v and JSON write/read == v, for every validated value. */
class ValueRoundTripProperties {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static <T> void jsonRoundTrip(T value, Class<T> type) {
    String json = JSON.writeValueAsString(value);
    assertThat(JSON.readValue(json, type)).isEqualTo(value);
  }

  @Provide Arbitrary<IpAddress> addresses() { return ValueArbitraries.ipAddresses(); }
  @Provide Arbitrary<Cidr> cidrs() { return ValueArbitraries.cidrs(); }
  @Provide Arbitrary<InterfaceAddress> ifaddrs() { return ValueArbitraries.interfaceAddresses(); }
  @Provide Arbitrary<Mac> macs() { return ValueArbitraries.macs(); }
  @Provide Arbitrary<Vni> vnis() { return ValueArbitraries.vnis(); }
  @Provide Arbitrary<Mtu> mtus() { return ValueArbitraries.mtus(); }
  @Provide Arbitrary<PortRange> ports() { return ValueArbitraries.portRanges(); }
  @Provide Arbitrary<InterfaceName> ifnames() { return ValueArbitraries.interfaceNames(); }
  @Provide Arbitrary<Name> names() { return ValueArbitraries.names(); }

  @Property
  void ipAddress(@ForAll("addresses") IpAddress a) {
    assertThat(IpAddress.parse(a.toString())).isEqualTo(a);
    assertThat(IpAddress.fromBytes(a.toBytes())).isEqualTo(a);
    assertThat(IpAddress.parse(a.toLibrary().toCanonicalString())).isEqualTo(a);
    jsonRoundTrip(a, IpAddress.class);
  }

  @Property
  void cidr(@ForAll("cidrs") Cidr c) {
    assertThat(Cidr.parse(c.toString())).isEqualTo(c);
    assertThat(c.contains(c.first())).isTrue();
    assertThat(c.contains(c.last())).isTrue();
    jsonRoundTrip(c, Cidr.class);
  }

  @Property
  void interfaceAddress(@ForAll("ifaddrs") InterfaceAddress a) {
    assertThat(InterfaceAddress.parse(a.toString())).isEqualTo(a);
    assertThat(a.subnet().contains(a.address())).isTrue();
    jsonRoundTrip(a, InterfaceAddress.class);
  }

  @Property
  void mac(@ForAll("macs") Mac m) {
    assertThat(Mac.parse(m.toString())).isEqualTo(m);
    assertThat(Mac.parse(m.toString().toUpperCase().replace(':', '-'))).isEqualTo(m);
    assertThat(Mac.fromBytes(m.toBytes())).isEqualTo(m);
    jsonRoundTrip(m, Mac.class);
  }

  @Property
  void vni(@ForAll("vnis") Vni v) {
    assertThat(Vni.parse(v.toString())).isEqualTo(v);
    jsonRoundTrip(v, Vni.class);
  }

  @Property
  void mtu(@ForAll("mtus") Mtu m) {
    assertThat(Mtu.parse(m.toString())).isEqualTo(m);
    jsonRoundTrip(m, Mtu.class);
  }

  @Property
  void portRange(@ForAll("ports") PortRange p) {
    assertThat(PortRange.parse(p.toString())).isEqualTo(p);
    assertThat(PortRange.parse(p.first() + ":" + p.last())).isEqualTo(p);
    jsonRoundTrip(p, PortRange.class);
  }

  @Property
  void interfaceName(@ForAll("ifnames") InterfaceName n) {
    assertThat(new InterfaceName(n.toString())).isEqualTo(n);
    jsonRoundTrip(n, InterfaceName.class);
  }

  @Property
  void name(@ForAll("names") Name n) {
    assertThat(Name.of(n.toString())).isEqualTo(n);
    jsonRoundTrip(n, Name.class);
  }
}
