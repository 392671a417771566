package dev.weft.dataplane.underlay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.dataplane.testing.Frames;
import dev.weft.engine.packet.TcpHeader;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * What UDP_GRO hands over in one read (equal-size VXLAN datagrams laid end to end, the last one possibly
 * shorter) comes out as exactly those datagrams; a single datagram, even with padding after its inner
 * frame, comes out as it went in.
 */
class VxlanGroSplitterProperties {
  private static final InetSocketAddress LOCAL = new InetSocketAddress("192.168.9.1", 4789);
  private static final InetSocketAddress PEER = new InetSocketAddress("192.168.9.2", 4789);

  @Property(tries = 300)
  void aCoalescedReadComesOutAsItsDatagrams(@ForAll @IntRange(min = 1, max = 40) int count,
      @ForAll @IntRange(min = 1, max = 1400) int size, @ForAll @IntRange(min = 0, max = 1399) int lastShorter,
      @ForAll boolean v6) {
    int last = Math.max(1, size - lastShorter);
    List<ByteBuf> datagrams = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      datagrams.add(vxlan(i == count - 1 ? last : size, i, v6));
    }
    ByteBuf read = Frames.ALLOC.buffer();
    datagrams.forEach(d -> read.writeBytes(d, d.readerIndex(), d.readableBytes()));
    List<DatagramPacket> out = new ArrayList<>();
    try {
      VxlanGroSplitter.split(new DatagramPacket(read, LOCAL, PEER), out::add);
      assertThat(out).hasSize(count);
      for (int i = 0; i < count; i++) {
        assertThat(ByteBufUtil.equals(out.get(i).content(), datagrams.get(i))).as("datagram %d of %d", i, count).isTrue();
        assertThat(out.get(i).sender()).isEqualTo(PEER);
      }
    } finally {
      datagrams.forEach(ByteBuf::release);
      out.forEach(DatagramPacket::release);
    }
  }

  @Property(tries = 100)
  void aSingleDatagramWithPaddingIsLeftAlone(@ForAll @IntRange(min = 0, max = 60) int padding,
      @ForAll @IntRange(min = 0, max = 100) int size) {
    ByteBuf d = vxlan(size, 0, false).writeZero(padding);
    List<DatagramPacket> out = new ArrayList<>();
    ByteBuf copy = d.copy();
    try {
      VxlanGroSplitter.split(new DatagramPacket(d, LOCAL, PEER), out::add);
      assertThat(out).hasSize(1);
      assertThat(ByteBufUtil.equals(out.getFirst().content(), copy)).isTrue();
    } finally {
      copy.release();
      out.forEach(DatagramPacket::release);
    }
  }

  private static ByteBuf vxlan(int payload, int seq, boolean v6) {
    IpAddress a = IpAddress.parse(v6 ? "fd00::1" : "10.0.0.1");
    IpAddress b = IpAddress.parse(v6 ? "fd00::2" : "10.0.0.2");
    ByteBuf frame = Frames.tcp(new Mac(0x02_0000_0000_02L), new Mac(0x02_0000_0000_01L), a, b, seq, TcpHeader.ACK,
        new byte[payload]);
    return Frames.vxlan(77, frame);
  }
}
