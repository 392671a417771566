package dev.weft.dataplane.offload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.engine.packet.InternetChecksum;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The bytes before a tunnel batch read back as the kernel reads them: a virtio-net header whose offsets
 * point at the outer UDP header, the inner IPv4 and TCP headers and the end of the headers, and outer
 * Ethernet, IPv4 (with a checksum that verifies) and UDP headers whose lengths cover the payload.
 */
class TunnelGsoHeaderProperties {

  @Property(tries = 1000)
  void readsBackAsTheKernelReadsIt(@ForAll @IntRange(max = 200) int network, @ForAll @IntRange(max = 10) int ipOptions,
      @ForAll @IntRange(min = 5, max = 15) int tcpWords, @ForAll @IntRange(max = 65_507) int extra,
      @ForAll @IntRange(min = 1, max = 9000) int gsoSize, @ForAll @IntRange(max = 0xffff) int ipId,
      @ForAll @LongRange(max = 0xffff_ffff_ffffL) long dstMac, @ForAll @LongRange(max = 0xffff_ffff_ffffL) long srcMac,
      @ForAll int source, @ForAll int destination, @ForAll @IntRange(max = 0xffff) int sourcePort,
      @ForAll @IntRange(max = 0xffff) int destinationPort) {
    TunnelGsoHeader.Inner inner = new TunnelGsoHeader.Inner(network, network + 20 + 4 * ipOptions, 4 * tcpWords);
    int smallest = inner.transport() + inner.tcpHeader();
    int payload = smallest + extra % (TunnelGsoHeader.MAX_PAYLOAD - smallest + 1);
    ByteBuf out = Unpooled.buffer();
    TunnelGsoHeader.write(out, new TunnelGsoHeader.Outer(new Mac(dstMac), new Mac(srcMac), ipv4(source), ipv4(destination),
        sourcePort, destinationPort), inner, payload, gsoSize, ipId);

    assertThat(out.readableBytes()).isEqualTo(TunnelGsoHeader.LENGTH);
    int outer = TunnelGsoHeader.OUTER;
    assertThat((int) out.getUnsignedByte(0)).as("flags: checksum pending").isEqualTo(1);
    assertThat((int) out.getUnsignedByte(1)).as("gso_type: TCPv4 inside a UDP tunnel over IPv4").isEqualTo(0x21);
    assertThat(out.getUnsignedShortLE(2)).as("hdr_len").isEqualTo(outer + smallest);
    assertThat(out.getUnsignedShortLE(4)).as("gso_size").isEqualTo(gsoSize);
    assertThat(out.getUnsignedShortLE(6)).as("csum_start: the inner TCP header").isEqualTo(outer + inner.transport());
    assertThat(out.getUnsignedShortLE(8)).as("csum_offset").isEqualTo(16);
    assertThat(out.getLong(10) >>> 16).as("num_buffers and the hash fields").isZero();
    assertThat(out.getUnsignedShort(18)).isZero();
    assertThat(out.getUnsignedShortLE(20)).as("outer_th_offset: the outer UDP header").isEqualTo(14 + 20);
    assertThat(out.getUnsignedShortLE(22)).as("inner_nh_offset: the inner IPv4 header").isEqualTo(outer + network);

    int eth = TunnelGsoHeader.VNET;
    assertThat(out.getUnsignedMedium(eth) * (1L << 24) + out.getUnsignedMedium(eth + 3)).isEqualTo(dstMac);
    assertThat(out.getUnsignedMedium(eth + 6) * (1L << 24) + out.getUnsignedMedium(eth + 9)).isEqualTo(srcMac);
    assertThat(out.getUnsignedShort(eth + 12)).isEqualTo(0x0800);
    int ip = eth + 14;
    assertThat(InternetChecksum.verifies(InternetChecksum.add(0, out, ip, 20))).as("outer IPv4 header checksum").isTrue();
    assertThat((int) out.getUnsignedByte(ip)).as("IPv4, 20-byte header").isEqualTo(0x45);
    assertThat(out.getUnsignedShort(ip + 2)).as("total length").isEqualTo(28 + payload);
    assertThat(out.getUnsignedShort(ip + 4)).as("identification").isEqualTo(ipId);
    assertThat(out.getUnsignedShort(ip + 6)).as("DF, first fragment").isEqualTo(0x4000);
    assertThat((int) out.getUnsignedByte(ip + 9)).as("protocol UDP").isEqualTo(17);
    assertThat(out.getInt(ip + 12)).isEqualTo(source);
    assertThat(out.getInt(ip + 16)).isEqualTo(destination);
    int udp = ip + 20;
    assertThat(out.getUnsignedShort(udp)).isEqualTo(sourcePort);
    assertThat(out.getUnsignedShort(udp + 2)).isEqualTo(destinationPort);
    assertThat(out.getUnsignedShort(udp + 4)).as("UDP length").isEqualTo(8 + payload);
    assertThat(out.getUnsignedShort(udp + 6)).as("no outer UDP checksum (RFC 7348 over IPv4)").isZero();
  }

  @Property(tries = 200)
  void refusesWhatNoIpv4PacketOrBatchCanBe(@ForAll @IntRange(min = 1, max = 1000) int over, @ForAll @IntRange(min = -5, max = 0) int gso) {
    TunnelGsoHeader.Inner inner = new TunnelGsoHeader.Inner(22, 42, 20);
    TunnelGsoHeader.Outer outer = new TunnelGsoHeader.Outer(new Mac(1), new Mac(2), ipv4(3), ipv4(4), 5, 6);
    assertThatThrownBy(() -> TunnelGsoHeader.write(Unpooled.buffer(), outer, inner, TunnelGsoHeader.MAX_PAYLOAD + over, 1400, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TunnelGsoHeader.write(Unpooled.buffer(), outer, inner, 2000, gso, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TunnelGsoHeader.write(Unpooled.buffer(), outer, inner, 61, 1400, 0))
        .as("shorter than its own headers").isInstanceOf(IllegalArgumentException.class);
  }

  private static IpAddress ipv4(int address) {
    return IpAddress.fromBytes(ByteBuffer.allocate(4).putInt(address).array());
  }
}
