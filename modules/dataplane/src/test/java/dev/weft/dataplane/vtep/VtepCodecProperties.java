package dev.weft.dataplane.vtep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.dataplane.underlay.Encapsulation;
import dev.weft.engine.event.DropReason;
import dev.weft.engine.packet.EtherType;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Vni;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The userspace VTEP's wire format (the module's leak detector fails any property that leaks a buffer):
 * what one VTEP encapsulates the other gets back, and random or damaged payloads are drops, never
 * exceptions.
 */
class VtepCodecProperties {
  static final Mac A = Mac.parse("0e:00:00:00:00:0a");
  static final Mac B = Mac.parse("0e:00:00:00:00:0b");

  static VtepCodec codec(Encapsulation encapsulation, Mac own, int vni) {
    return new VtepCodec(new Vtep.Spec(NetnsRef.home(), InterfaceName.of("weftu.1"), own, Mtu.of(1450), encapsulation,
        IpAddress.parse("192.0.2.1"), 8472, Vni.of(vni)), ByteBufAllocator.DEFAULT);
  }

  static ByteBuf frame(Mac destination, Mac source, int etherType, byte[] payload) {
    ByteBuf f = Unpooled.buffer(14 + payload.length);
    f.writeBytes(destination.toBytes()).writeBytes(source.toBytes()).writeShort(etherType).writeBytes(payload);
    return f;
  }

  @Property
  void vxlanFramesArriveUnchanged(@ForAll @Size(min = 1, max = 1400) byte[] payload, @ForAll @IntRange(max = Vni.MAX) int vni) {
    ByteBuf sent = frame(B, A, EtherType.IPV4, payload);
    ByteBuf wire = codec(Encapsulation.VXLAN, A, vni).encapsulate(sent).orElseThrow();
    VtepCodec.Decoded got = codec(Encapsulation.VXLAN, B, vni).decapsulate(wire, Optional.empty());
    try {
      assertThat(got).isInstanceOfSatisfying(VtepCodec.Decoded.Frame.class,
          f -> assertThat(ByteBufUtil.getBytes(f.frame())).isEqualTo(ByteBufUtil.getBytes(sent)));
    } finally {
      release(got);
      wire.release();
      sent.release();
    }
  }

  @Property
  void greInUdpCarriesTheIpPacketAndRebuildsTheHeaderFromTheSender(@ForAll @Size(min = 1, max = 1400) byte[] payload,
      @ForAll boolean ipv6, @ForAll @IntRange(max = Vni.MAX) int vni) {
    int type = ipv6 ? EtherType.IPV6 : EtherType.IPV4;
    ByteBuf sent = frame(B, A, type, payload);
    ByteBuf wire = codec(Encapsulation.GRE_IN_UDP, A, vni).encapsulate(sent).orElseThrow();
    assertThat(wire.readableBytes()).as("GRE header with key, no Ethernet").isEqualTo(8 + payload.length);
    VtepCodec.Decoded got = codec(Encapsulation.GRE_IN_UDP, B, vni).decapsulate(wire, Optional.of(A));
    try {
      assertThat(got).isInstanceOfSatisfying(VtepCodec.Decoded.Frame.class,
          f -> assertThat(ByteBufUtil.getBytes(f.frame())).isEqualTo(ByteBufUtil.getBytes(sent)));
      assertThat(codec(Encapsulation.GRE_IN_UDP, B, vni).decapsulate(wire, Optional.empty()))
          .as("an unknown sender").isEqualTo(new VtepCodec.Decoded.Dropped(DropReason.UNKNOWN_TUNNEL));
      assertThat(codec(Encapsulation.GRE_IN_UDP, B, vni ^ 1).decapsulate(wire, Optional.of(A)))
          .as("another key").isEqualTo(new VtepCodec.Decoded.Dropped(DropReason.UNKNOWN_TUNNEL));
    } finally {
      release(got);
      wire.release();
      sent.release();
    }
  }

  @Property
  void greInUdpDoesNotCarryWhatIsNotIp(@ForAll @Size(min = 28, max = 64) byte[] payload) {
    ByteBuf arp = frame(B, A, EtherType.ARP, payload);
    try {
      assertThat(codec(Encapsulation.GRE_IN_UDP, A, 1).encapsulate(arp)).isEmpty();
    } finally {
      arp.release();
    }
  }

  @Property
  void vxlanForAnotherMacOrVniIsDropped(@ForAll @Size(min = 1, max = 64) byte[] payload) {
    ByteBuf toA = frame(A, B, EtherType.IPV4, payload);
    ByteBuf wire = codec(Encapsulation.VXLAN, B, 7).encapsulate(toA).orElseThrow();
    try {
      assertThat(codec(Encapsulation.VXLAN, B, 7).decapsulate(wire, Optional.empty()))
          .isEqualTo(new VtepCodec.Decoded.Dropped(DropReason.NOT_FOR_US));
      assertThat(codec(Encapsulation.VXLAN, A, 8).decapsulate(wire, Optional.empty()))
          .isEqualTo(new VtepCodec.Decoded.Dropped(DropReason.UNKNOWN_TUNNEL));
    } finally {
      wire.release();
      toA.release();
    }
  }

  /** Random bytes, and valid datagrams cut short: drops (or frames), never exceptions or leaks. */
  @Property(tries = 5000)
  void randomAndTruncatedPayloadsNeverThrow(@ForAll @Size(max = 200) byte[] garbage, @ForAll boolean gre,
      @ForAll @IntRange(min = 0, max = 80) int cut) {
    Encapsulation e = gre ? Encapsulation.GRE_IN_UDP : Encapsulation.VXLAN;
    VtepCodec codec = codec(e, B, 1);
    ByteBuf random = Unpooled.wrappedBuffer(garbage);
    release(codec.decapsulate(random, Optional.of(A)));
    random.release();
    ByteBuf sent = frame(B, A, EtherType.IPV4, Arrays.copyOf(garbage, Math.max(1, garbage.length)));
    ByteBuf wire = codec(e, A, 1).encapsulate(sent).orElseThrow();
    ByteBuf truncated = wire.slice(0, Math.max(0, wire.readableBytes() - cut));
    VtepCodec.Decoded got = codec.decapsulate(truncated, Optional.of(A));
    if (cut > 0 && got instanceof VtepCodec.Decoded.Frame f) {
      assertThat(f.frame().readableBytes()).isLessThan(sent.readableBytes());
    }
    release(got);
    wire.release();
    sent.release();
  }

  private static void release(VtepCodec.Decoded d) {
    if (d instanceof VtepCodec.Decoded.Frame f) {
      f.frame().release();
    }
  }
}
