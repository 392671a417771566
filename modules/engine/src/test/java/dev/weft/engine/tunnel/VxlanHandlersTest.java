package dev.weft.engine.tunnel;

import static dev.weft.engine.testing.TestPackets.mac;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.message.PortFrame;
import dev.weft.engine.packet.VxlanHeader;
import dev.weft.engine.testing.Channels;
import dev.weft.engine.testing.MutableClock;
import dev.weft.engine.testing.Recorder;
import dev.weft.engine.testing.TestPackets;
import dev.weft.model.InterfaceKind.FdbEntry;
import dev.weft.model.InterfaceRef;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Vni;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VxlanHandlersTest {
  private static final InterfaceRef DEV = InterfaceRef.of("host1", "vxlan42");
  private static final IpAddress LOCAL = IpAddress.parse("192.168.0.1");
  private static final IpAddress R2 = IpAddress.parse("192.168.0.2");
  private static final IpAddress R3 = IpAddress.parse("192.168.0.3");
  private final Recorder events = new Recorder();
  private final MutableClock clock = new MutableClock();
  private EmbeddedChannel ch = device(false, List.of(new FdbEntry(Mac.ZERO, R2), new FdbEntry(Mac.ZERO, R3),
      new FdbEntry(mac(0x33), R3)));

  private EmbeddedChannel device(boolean learning, List<FdbEntry> fdb) {
    VxlanConfig cfg = new VxlanConfig(DEV, mac(0xaa), new Vni(42), LOCAL, 4789, learning, fdb, Duration.ofSeconds(300));
    VxlanForwardingTable table = new VxlanForwardingTable(fdb, cfg.ageing());
    return new EmbeddedChannel(new VxlanDecapHandler(cfg, table, clock, events), new VxlanEncapHandler(cfg, table, clock, events));
  }

  @AfterEach
  void close() {
    ch.finishAndReleaseAll();
  }

  private List<Object> encap(Mac dst) {
    ch.writeOutbound(new PortFrame(DEV, TestPackets.raw(dst, mac(1), 80)));
    return Channels.outbound(ch);
  }

  @Test
  void aKnownMacGoesToItsVtep() {
    List<Object> out = encap(mac(0x33));
    try {
      DatagramPacket d = (DatagramPacket) out.getFirst();
      assertThat(out).hasSize(1);
      assertThat(d.recipient()).isEqualTo(new InetSocketAddress(R3.toInetAddress(), 4789));
      assertThat(d.sender().getAddress()).isEqualTo(LOCAL.toInetAddress());
      assertThat(d.sender().getPort()).isBetween(32768, 60999);
      assertThat(VxlanHeader.decode(d.content().duplicate()).vni()).isEqualTo(new Vni(42));
      assertThat(d.content().readableBytes()).isEqualTo(8 + 80);
    } finally {
      Channels.release(out);
    }
  }

  /** {@code frame} (released) as a virtio-net TAP read leaves it: after 12 free bytes, in a buffer of its own. */
  private static ByteBuf afterHeadroom(ByteBuf frame) {
    ByteBuf read = Unpooled.directBuffer(12 + frame.readableBytes()).writeZero(12).writeBytes(frame).skipBytes(12);
    frame.release();
    return read;
  }

  /** A frame read after a 12-byte header (as from a virtio-net TAP), held only here: the header goes before it, in place. */
  @Test
  void aFrameWithItsOwnHeadroomIsEncapsulatedWithoutACopy() {
    ByteBuf read = afterHeadroom(TestPackets.raw(mac(0x33), mac(1), 80));
    String inner = ByteBufUtil.hexDump(read);
    ch.writeOutbound(new PortFrame(DEV, read));
    List<Object> out = Channels.outbound(ch);
    try {
      ByteBuf content = ((DatagramPacket) out.getFirst()).content();
      assertThat(content).isSameAs(read);
      assertThat(content.refCnt()).isEqualTo(1);
      assertThat(VxlanHeader.decode(content.duplicate()).vni()).isEqualTo(new Vni(42));
      assertThat(ByteBufUtil.hexDump(content, content.readerIndex() + 8, 80)).isEqualTo(inner);
    } finally {
      Channels.release(out);
    }
  }

  /** A frame whose bytes someone else also holds (a slice, a second reference) is copied: its neighbours stay as they were. */
  @Test
  void aSharedFrameIsCopied() {
    ByteBuf frame = TestPackets.raw(mac(0x33), mac(1), 80);
    ByteBuf read = Unpooled.directBuffer(12 + 80).writeLong(0x1122_3344_5566_7788L).writeInt(0x99aa_bbcc)
        .writeBytes(frame);
    frame.release();
    ByteBuf slice = read.retainedSlice(12, 80);
    ch.writeOutbound(new PortFrame(DEV, slice));
    read.retain();
    ch.writeOutbound(new PortFrame(DEV, read.skipBytes(12)));
    List<Object> out = Channels.outbound(ch);
    try {
      assertThat(out).hasSize(2).allSatisfy(o -> assertThat(((DatagramPacket) o).content()).isNotSameAs(read));
      assertThat(read.getLong(0)).isEqualTo(0x1122_3344_5566_7788L);
      assertThat(read.getInt(8)).isEqualTo(0x99aa_bbcc);
    } finally {
      Channels.release(out);
      read.release();
    }
  }

  /** A flooded frame goes to two VTEPs: each gets its own copy, even when the frame has headroom of its own. */
  @Test
  void aFloodedFrameIsCopiedForEachVtep() {
    ByteBuf read = afterHeadroom(TestPackets.raw(Mac.BROADCAST, mac(1), 80));
    String inner = ByteBufUtil.hexDump(read);
    ch.writeOutbound(new PortFrame(DEV, read));
    List<Object> out = Channels.outbound(ch);
    try {
      assertThat(out).hasSize(2).allSatisfy(o -> {
        ByteBuf content = ((DatagramPacket) o).content();
        assertThat(content).isNotSameAs(read);
        assertThat(ByteBufUtil.hexDump(content, content.readerIndex() + 8, 80)).isEqualTo(inner);
      });
    } finally {
      Channels.release(out);
    }
  }

  @Test
  void unknownAndBroadcastMacsAreReplicatedToEveryFloodEntry() {
    List<Object> out = encap(Mac.BROADCAST);
    try {
      assertThat(out).extracting(o -> ((DatagramPacket) o).recipient().getAddress())
          .containsExactly(R2.toInetAddress(), R3.toInetAddress());
      assertThat(events.of(ForwardingEvent.Encapsulated.class)).hasSize(2);
    } finally {
      Channels.release(out);
    }
  }

  @Test
  void withoutAFloodEntryAnUnknownMacIsDropped() {
    ch.finishAndReleaseAll();
    ch = device(false, List.of());
    assertThat(encap(mac(9))).isEmpty();
    assertThat(events.drops()).containsExactly(DropReason.NEIGHBOR_UNREACHABLE);
  }

  private DatagramPacket datagram(int vni, IpAddress from, Mac innerSource) {
    ByteBuf payload = TestPackets.ALLOC.buffer();
    new VxlanHeader(new Vni(vni)).encode(payload);
    ByteBuf inner = TestPackets.raw(mac(0x55), innerSource, 64);
    payload.writeBytes(inner);
    inner.release();
    return new DatagramPacket(payload, new InetSocketAddress(LOCAL.toInetAddress(), 4789), new InetSocketAddress(from.toInetAddress(), 40000));
  }

  @Test
  void decapGivesTheInnerFrameAndALearningDeviceRemembersItsVtep() {
    ch.finishAndReleaseAll();
    ch = device(true, List.of(new FdbEntry(Mac.ZERO, R2), new FdbEntry(Mac.ZERO, R3)));
    ch.writeInbound(datagram(42, R3, mac(0x77)));
    List<Object> in = Channels.inbound(ch);
    try {
      PortFrame f = (PortFrame) in.getFirst();
      assertThat(f.port()).isEqualTo(DEV);
      assertThat(f.content().readableBytes()).isEqualTo(64);
      assertThat(events.of(ForwardingEvent.TunnelLearned.class)).containsExactly(new ForwardingEvent.TunnelLearned(DEV, mac(0x77), R3));
    } finally {
      Channels.release(in);
    }
    List<Object> out = encap(mac(0x77));
    try {
      assertThat(out).singleElement().extracting(o -> ((DatagramPacket) o).recipient().getAddress()).isEqualTo(R3.toInetAddress());
    } finally {
      Channels.release(out);
    }
  }

  @Test
  void anotherVniIsNotThisDevicesTraffic() {
    ch.writeInbound(datagram(43, R2, mac(0x77)));
    assertThat(Channels.inbound(ch)).isEmpty();
    assertThat(events.drops()).containsExactly(DropReason.UNKNOWN_TUNNEL);
  }

  @Test
  void theSourcePortIsStablePerFlow() {
    ByteBuf a = TestPackets.frame(mac(2), mac(1), TestPackets.tcp("10.1.0.2", "10.1.0.3", 64, true, 0));
    ByteBuf b = TestPackets.frame(mac(2), mac(1), TestPackets.tcp("10.1.0.2", "10.1.0.3", 64, true, 100));
    ByteBuf c = TestPackets.frame(mac(2), mac(1), TestPackets.tcp("10.1.0.2", "10.1.0.4", 64, true, 0));
    try {
      assertThat(VxlanEncapHandler.flowHash(a)).isEqualTo(VxlanEncapHandler.flowHash(b));
      assertThat(VxlanEncapHandler.flowHash(a)).isNotEqualTo(VxlanEncapHandler.flowHash(c));
      assertThat(ByteBufUtil.hexDump(a)).isNotEmpty();
    } finally {
      a.release();
      b.release();
      c.release();
    }
  }
}
