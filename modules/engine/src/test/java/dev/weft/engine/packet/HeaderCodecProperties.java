package dev.weft.engine.packet;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

/** encode then decode is the identity for every header, and encode writes exactly length() bytes. */
class HeaderCodecProperties {

  @Property
  void ethernet(@ForAll("ethernet") EthernetHeader h) {
    assertRoundTrip(h, EthernetHeader::decode, 0);
  }

  @Property
  void arp(@ForAll("arp") ArpPacket h) {
    assertRoundTrip(h, ArpPacket::decode, 0);
  }

  @Property
  void ipv4(@ForAll("ipv4") Ipv4Header h) {
    // decode checks the declared total length is present, so pad the buffer up to it
    assertRoundTrip(h, Ipv4Header::decode, h.totalLength() - Ipv4Header.LENGTH);
  }

  @Property
  void ipv6(@ForAll("ipv6") Ipv6Header h) {
    assertRoundTrip(h, Ipv6Header::decode, h.payloadLength());
  }

  @Property
  void tcp(@ForAll("tcp") TcpHeader h) {
    assertRoundTrip(h, TcpHeader::decode, 0);
  }

  @Property
  void udp(@ForAll("udp") UdpHeader h) {
    assertRoundTrip(h, UdpHeader::decode, h.datagramLength() - UdpHeader.LENGTH);
  }

  @Property
  void icmpv4(@ForAll("icmpv4") Icmpv4Header h) {
    assertRoundTrip(h, Icmpv4Header::decode, 0);
  }

  @Property
  void icmpv6(@ForAll("icmpv6") Icmpv6Header h) {
    assertRoundTrip(h, Icmpv6Header::decode, 0);
  }

  @Property
  void vxlan(@ForAll("vxlan") VxlanHeader h) {
    assertRoundTrip(h, VxlanHeader::decode, 0);
  }

  @Property
  void gre(@ForAll("gre") GreHeader h) {
    assertRoundTrip(h, GreHeader::decode, 0);
  }

  @Property
  void ndp(@ForAll("ndp") NdpMessage h) {
    assertRoundTrip(h, in -> NdpMessage.decode(in, h.solicitation()), 0);
  }

  private static <H extends Header> void assertRoundTrip(H header, Function<ByteBuf, H> decode, int padding) {
    ByteBuf buf = ByteBufAllocator.DEFAULT.buffer();
    try {
      header.encode(buf);
      assertThat(buf.readableBytes()).isEqualTo(header.length());
      buf.writeZero(padding);
      H back = decode.apply(buf);
      assertThat(back).isEqualTo(header);
      assertThat(buf.readableBytes()).isEqualTo(padding);
    } finally {
      buf.release();
    }
  }

  @Provide Arbitrary<EthernetHeader> ethernet() { return HeaderArbitraries.ethernet(); }
  @Provide Arbitrary<ArpPacket> arp() { return HeaderArbitraries.arp(); }
  @Provide Arbitrary<Ipv4Header> ipv4() { return HeaderArbitraries.ipv4(); }
  @Provide Arbitrary<Ipv6Header> ipv6() { return HeaderArbitraries.ipv6(); }
  @Provide Arbitrary<TcpHeader> tcp() { return HeaderArbitraries.tcp(); }
  @Provide Arbitrary<UdpHeader> udp() { return HeaderArbitraries.udp(); }
  @Provide Arbitrary<Icmpv4Header> icmpv4() { return HeaderArbitraries.icmpv4(); }
  @Provide Arbitrary<Icmpv6Header> icmpv6() { return HeaderArbitraries.icmpv6(); }
  @Provide Arbitrary<VxlanHeader> vxlan() { return HeaderArbitraries.vxlan(); }
  @Provide Arbitrary<GreHeader> gre() { return HeaderArbitraries.gre(); }
  @Provide Arbitrary<NdpMessage> ndp() { return HeaderArbitraries.ndp(); }
}
