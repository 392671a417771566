package dev.weft.engine.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.value.IpAddress;
import dev.weft.model.value.ValueArbitraries;
import dev.weft.model.value.Vni;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whole packets: lengths and checksums come out right, decode reads back what was written, corruption is caught. */
class PacketAssemblyProperties {
  private static final ByteBufAllocator ALLOC = ByteBufAllocator.DEFAULT;

  record Spec(IpHeader ip, TransportHeader transport, byte[] payload) {}

  @Provide
  Arbitrary<Spec> packets() {
    return Arbitraries.of(false, true).flatMap(v6 -> Combinators.combine(
            HeaderArbitraries.address(v6), HeaderArbitraries.address(v6), HeaderArbitraries.transport(v6),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(300), HeaderArbitraries.u8(), HeaderArbitraries.u16())
        .as((src, dst, l4, payload, ttl, id) -> new Spec(
            v6 ? new Ipv6Header(0, id, 0, l4.protocol(), ttl, src, dst)
               : new Ipv4Header(0, 20, id, id % 2 == 0, false, 0, ttl, l4.protocol(), src, dst),
            l4, payload)));
  }

  static ByteBuf write(Spec s) {
    ByteBuf out = ALLOC.buffer();
    PacketWriter.writeIp(out, s.ip(), s.transport(), Unpooled.wrappedBuffer(s.payload()));
    return out;
  }

  @Property
  void writtenPacketsDecodeToTheirHeaders(@ForAll("packets") Spec s) {
    ByteBuf p = write(s);
    try {
      DecodedFrame d = FrameDecoder.standard().decodePacket(p);
      assertThat(d.headers()).hasSize(2);
      IpHeader ip = (IpHeader) d.headers().get(0);
      assertThat(ip.source()).isEqualTo(s.ip().source());
      assertThat(ip.destination()).isEqualTo(s.ip().destination());
      assertThat(ip.hopLimit()).isEqualTo(s.ip().hopLimit());
      assertThat(ip.packetLength()).isEqualTo(p.readableBytes());
      TransportHeader l4 = (TransportHeader) d.headers().get(1);
      TransportHeader expected = s.transport() instanceof UdpHeader u
          ? u.withDatagramLength(8 + s.payload().length) : s.transport();
      assertThat(l4).isEqualTo(expected);
      assertThat(d.payloadLength()).isEqualTo(s.payload().length);
    } finally {
      p.release();
    }
  }

  @Property
  void anySingleBitFlipIsDetected(@ForAll("packets") Spec s, @ForAll @IntRange(min = 0, max = 100_000) int where,
      @ForAll @IntRange(min = 0, max = 7) int bit) {
    ByteBuf p = write(s);
    try {
      // IPv6 has no header checksum: its first 8 bytes (version, class, flow label, length, next header,
      // hop limit) are not all covered by the transport checksum, so flips there are out of scope.
      int from = s.ip() instanceof Ipv6Header ? 8 : 0;
      int at = from + where % (p.readableBytes() - from);
      int l4Start = s.ip().length();
      if (s.transport() instanceof UdpHeader && at >= l4Start + 6 && at < l4Start + 8) {
        return; // a flip to an all-zero UDP checksum means "no checksum", which is legal
      }
      if (at == 0 && bit >= 4) {
        return; // a new version number makes another kind of packet; the EtherType decides in a frame
      }
      p.setByte(at, p.getByte(at) ^ (1 << bit));
      assertThatThrownBy(() -> FrameDecoder.standard().decodePacket(p)).isInstanceOf(PacketException.class);
    } finally {
      p.release();
    }
  }

  @Property
  void ttlDecrementKeepsThePacketValid(@ForAll("packets") Spec s) {
    if (s.ip().hopLimit() == 0) {
      return;
    }
    ByteBuf p = write(s);
    try {
      assertThat(PacketEditor.decrementHopLimit(p)).isEqualTo(s.ip().hopLimit() - 1);
      IpHeader ip = (IpHeader) FrameDecoder.standard().decodePacket(p).headers().getFirst();
      assertThat(ip.hopLimit()).isEqualTo(s.ip().hopLimit() - 1);
    } finally {
      p.release();
    }
  }

  @Property
  void natRewriteKeepsChecksumsValid(@ForAll("packets") Spec s, @ForAll("ports") int sport, @ForAll("ports") int dport) {
    IpAddress newSrc = s.ip().source().isIpv4() ? IpAddress.parse("192.0.2.7") : IpAddress.parse("2001:db8::7");
    IpAddress newDst = s.ip().source().isIpv4() ? IpAddress.parse("198.51.100.9") : IpAddress.parse("2001:db8::9");
    ByteBuf p = write(s);
    try {
      PacketEditor.rewrite(p, newSrc, newDst, sport, dport);
      DecodedFrame d = FrameDecoder.standard().decodePacket(p);
      IpHeader ip = (IpHeader) d.headers().get(0);
      assertThat(ip.source()).isEqualTo(newSrc);
      assertThat(ip.destination()).isEqualTo(newDst);
      TransportHeader l4 = (TransportHeader) d.headers().get(1);
      if (l4 instanceof TcpHeader || l4 instanceof UdpHeader) {
        assertThat(l4.sourcePort()).isEqualTo(sport);
        assertThat(l4.destinationPort()).isEqualTo(dport);
      }
    } finally {
      p.release();
    }
  }

  @Provide
  Arbitrary<Integer> ports() {
    return HeaderArbitraries.u16();
  }

  @Property
  void fragmentsFitAndReassemble(@ForAll @Size(max = 4000) byte[] payload, @ForAll @IntRange(min = 68, max = 1500) int mtu) {
    Ipv4Header ip = Ipv4Header.of(IpAddress.parse("10.0.0.1"), IpAddress.parse("10.0.0.2"), IpProtocol.UDP, 20, 7, false);
    ByteBuf p = ALLOC.buffer();
    PacketWriter.writeIp(p, ip, new UdpHeader(1000, 2000, 8), Unpooled.wrappedBuffer(payload));
    List<ByteBuf> frags = Fragmenter.fragment(p, mtu, ALLOC);
    try {
      byte[] joined = new byte[p.readableBytes() - 20];
      int expectedOffset = 0;
      for (int i = 0; i < frags.size(); i++) {
        ByteBuf f = frags.get(i);
        assertThat(f.readableBytes()).isLessThanOrEqualTo(mtu);
        Ipv4Header h = Ipv4Header.decode(f.duplicate());
        assertThat(h.fragmentOffset()).isEqualTo(expectedOffset);
        assertThat(h.moreFragments()).isEqualTo(i < frags.size() - 1);
        assertThat(h.identification()).isEqualTo(7);
        f.getBytes(20, joined, h.fragmentOffset(), h.payloadLength());
        expectedOffset += h.payloadLength();
      }
      assertThat(expectedOffset).isEqualTo(joined.length);
      assertThat(joined).isEqualTo(io.netty.buffer.ByteBufUtil.getBytes(p, 20, p.readableBytes() - 20));
    } finally {
      p.release();
      frags.forEach(ByteBuf::release);
    }
  }

  @Property
  void fragmentationNeededQuotesTheOffender(@ForAll("packets") Spec s, @ForAll @IntRange(min = 68, max = 9000) int mtu) {
    ByteBuf p = write(s);
    IpAddress router = s.ip().source().isIpv4() ? IpAddress.parse("10.9.9.9") : IpAddress.parse("fd00::9");
    ByteBuf err = IcmpErrors.tooBig(ALLOC, router, p, mtu);
    try {
      DecodedFrame d = FrameDecoder.standard().decodePacket(err);
      IpHeader ip = (IpHeader) d.headers().get(0);
      assertThat(ip.source()).isEqualTo(router);
      assertThat(ip.destination()).isEqualTo(s.ip().source());
      switch (d.headers().get(1)) {
        case Icmpv4Header icmp -> {
          assertThat(icmp.type()).isEqualTo(3);
          assertThat(icmp.code()).isEqualTo(4);
          assertThat(icmp.nextHopMtu()).isEqualTo(mtu);
          assertThat(d.payloadLength()).isEqualTo(Math.min(p.readableBytes(), 28));
        }
        case Icmpv6Header icmp -> {
          assertThat(icmp.type()).isEqualTo(2);
          assertThat(icmp.rest()).isEqualTo(mtu);
        }
        default -> throw new AssertionError(d);
      }
    } finally {
      p.release();
      err.release();
    }
  }

  @Property
  void checksumMatchesWordByWordDefinition(@ForAll @Size(max = 200) byte[] data) {
    long naive = 0;
    for (int i = 0; i < data.length; i += 2) {
      int hi = data[i] & 0xff;
      int lo = i + 1 < data.length ? data[i + 1] & 0xff : 0;
      naive += (hi << 8) | lo;
      naive = (naive & 0xffff) + (naive >>> 16);
    }
    int expected = (int) (~naive & 0xffff);
    assertThat(InternetChecksum.finish(InternetChecksum.add(0, Unpooled.wrappedBuffer(data), 0, data.length)))
        .isEqualTo(expected);
  }

  @Property
  void vxlanFramesDecodeThroughToTheInnerTransport(@ForAll("vnis") Vni vni, @ForAll @Size(max = 100) byte[] payload) {
    ByteBuf inner = innerFrame(payload);
    ByteBuf outer = ALLOC.buffer();
    try {
      ByteBuf vx = ALLOC.buffer();
      new VxlanHeader(vni).encode(vx);
      vx.writeBytes(inner, inner.readerIndex(), inner.readableBytes());
      new EthernetHeader(ValueArbitraries.macs().sample(), ValueArbitraries.macs().sample(), EtherType.IPV4).encode(outer);
      PacketWriter.writeIp(outer, Ipv4Header.of(IpAddress.parse("192.168.0.1"), IpAddress.parse("192.168.0.2"),
          IpProtocol.UDP, 20, 1, false), new UdpHeader(50000, 4789, 8), vx);
      vx.release();
      DecodedFrame d = FrameDecoder.standard().decodeFrame(outer);
      assertThat(d.headers()).extracting(h -> h.getClass().getSimpleName()).containsExactly(
          "EthernetHeader", "Ipv4Header", "UdpHeader", "VxlanHeader", "EthernetHeader", "Ipv4Header", "TcpHeader");
      assertThat(d.first(VxlanHeader.class).orElseThrow().vni()).isEqualTo(vni);
      assertThat(d.payloadLength()).isEqualTo(payload.length);
    } finally {
      inner.release();
      outer.release();
    }
  }

  @Property
  void greFramesDecodeThroughToTheInnerTransport(@ForAll("keys") Optional<Long> key, @ForAll boolean checksum,
      @ForAll @Size(max = 100) byte[] payload) {
    ByteBuf inner = innerFrame(payload);
    ByteBuf gre = ALLOC.buffer();
    ByteBuf outer = ALLOC.buffer();
    try {
      PacketWriter.writeGre(gre, new GreHeader(EtherType.TRANSPARENT_ETHERNET, checksum, key, Optional.of(3L)), inner);
      PacketWriter.writeIp(outer, Ipv4Header.of(IpAddress.parse("192.168.0.1"), IpAddress.parse("192.168.0.2"),
          IpProtocol.GRE, 20, 1, false), gre);
      DecodedFrame d = FrameDecoder.standard().decodePacket(outer);
      assertThat(d.headers()).extracting(h -> h.getClass().getSimpleName()).containsExactly(
          "Ipv4Header", "GreHeader", "EthernetHeader", "Ipv4Header", "TcpHeader");
      assertThat(d.first(GreHeader.class).orElseThrow().key()).isEqualTo(key);
      if (checksum) {
        outer.setByte(outer.writerIndex() - 1, outer.getByte(outer.writerIndex() - 1) ^ 1);
        assertThatThrownBy(() -> FrameDecoder.standard().decodePacket(outer)).isInstanceOf(BadChecksumException.class);
      }
    } finally {
      inner.release();
      gre.release();
      outer.release();
    }
  }

  @Provide
  Arbitrary<Vni> vnis() {
    return ValueArbitraries.vnis();
  }

  @Provide
  Arbitrary<Optional<Long>> keys() {
    return HeaderArbitraries.u32().optional();
  }

  private static ByteBuf innerFrame(byte[] payload) {
    ByteBuf f = ALLOC.buffer();
    new EthernetHeader(ValueArbitraries.macs().sample(), ValueArbitraries.macs().sample(), EtherType.IPV4).encode(f);
    PacketWriter.writeIp(f, Ipv4Header.of(IpAddress.parse("10.1.0.2"), IpAddress.parse("10.1.0.3"), IpProtocol.TCP, 20, 9, true),
        TcpHeader.syn(40000, 80), Unpooled.wrappedBuffer(payload));
    return f;
  }
}
