package dev.weft.engine.packet;

import dev.weft.model.value.IpAddress;
import dev.weft.model.value.ValueArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of valid headers for the codec properties. */
final class HeaderArbitraries {
  private HeaderArbitraries() {}

  static Arbitrary<Integer> u8() {
    return Arbitraries.integers().between(0, 0xff);
  }

  static Arbitrary<Integer> u16() {
    return Arbitraries.integers().between(0, 0xffff);
  }

  static Arbitrary<Long> u32() {
    return Arbitraries.longs().between(0, 0xffff_ffffL);
  }

  static Arbitrary<EthernetHeader> ethernet() {
    return Combinators.combine(ValueArbitraries.macs(), ValueArbitraries.macs(), Arbitraries.integers().between(0x0600, 0xffff))
        .as(EthernetHeader::new);
  }

  static Arbitrary<ArpPacket> arp() {
    return Combinators.combine(Arbitraries.of(1, 2), ValueArbitraries.macs(), ValueArbitraries.ipv4(),
        ValueArbitraries.macs(), ValueArbitraries.ipv4()).as(ArpPacket::new);
  }

  static Arbitrary<Ipv4Header> ipv4() {
    Arbitrary<Integer> offsets = Arbitraries.integers().between(0, 8191).map(i -> i * 8);
    return Combinators.combine(u8(), Arbitraries.integers().between(20, 0xffff), u16(), Arbitraries.of(true, false),
            Arbitraries.of(true, false), offsets, u8(), u8())
        .flatAs((tos, len, id, df, mf, off, ttl, proto) -> Combinators.combine(ValueArbitraries.ipv4(), ValueArbitraries.ipv4())
            .as((src, dst) -> new Ipv4Header(tos, len, id, df, mf, off, ttl, proto, src, dst)));
  }

  static Arbitrary<Ipv6Header> ipv6() {
    return Combinators.combine(u8(), Arbitraries.integers().between(0, 0xfffff), u16(), u8(), u8(),
        ValueArbitraries.ipv6(), ValueArbitraries.ipv6()).as(Ipv6Header::new);
  }

  static Arbitrary<TcpHeader> tcp() {
    return Combinators.combine(u16(), u16(), u32(), u32(), Arbitraries.integers().between(0, 0x1ff), u16(), u16())
        .as(TcpHeader::new);
  }

  static Arbitrary<UdpHeader> udp() {
    return Combinators.combine(u16(), u16(), Arbitraries.integers().between(8, 0xffff)).as(UdpHeader::new);
  }

  static Arbitrary<Icmpv4Header> icmpv4() {
    return Combinators.combine(u8(), u8(), u32()).as(Icmpv4Header::new);
  }

  static Arbitrary<Icmpv6Header> icmpv6() {
    return Combinators.combine(u8(), u8(), u32()).as(Icmpv6Header::new);
  }

  static Arbitrary<VxlanHeader> vxlan() {
    return ValueArbitraries.vnis().map(VxlanHeader::new);
  }

  static Arbitrary<GreHeader> gre() {
    return Combinators.combine(u16(), Arbitraries.of(true, false), u32().optional(), u32().optional())
        .as(GreHeader::new);
  }

  static Arbitrary<NdpMessage> ndp() {
    return Combinators.combine(Arbitraries.of(true, false), ValueArbitraries.ipv6(), ValueArbitraries.macs().optional())
        .as(NdpMessage::new);
  }

  /** A transport header (with a payload size) for a packet between the two addresses. */
  static Arbitrary<TransportHeader> transport(boolean ipv6) {
    return Arbitraries.oneOf(tcp(), udp(), ipv6 ? icmpv6().filter(h -> h.type() != 135 && h.type() != 136) : icmpv4());
  }

  static Arbitrary<IpAddress> address(boolean ipv6) {
    return ipv6 ? ValueArbitraries.ipv6() : ValueArbitraries.ipv4();
  }
}
