package dev.weft.engine.l3;

import static dev.weft.engine.testing.TestPackets.mac;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.message.ArpMessage;
import dev.weft.engine.message.NeighborUpdate;
import dev.weft.engine.message.PortFrame;
import dev.weft.engine.message.ReceivedPacket;
import dev.weft.engine.packet.ArpPacket;
import dev.weft.engine.packet.DecodedFrame;
import dev.weft.engine.packet.FrameDecoder;
import dev.weft.engine.packet.Ipv4Header;
import dev.weft.engine.packet.NdpMessage;
import dev.weft.engine.testing.Channels;
import dev.weft.engine.testing.MutableClock;
import dev.weft.engine.testing.Recorder;
import dev.weft.engine.testing.TestPackets;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Link input, ARP and NDP handlers, each alone in a channel. */
class LinkInputTest {
  private final Recorder events = new Recorder();
  private final MutableClock clock = new MutableClock();
  private final StackConfig.Index stack = Stacks.router();
  private final NeighborTable table = NeighborTable.of(Stacks.R1, List.of());

  @Test
  void ethernetInputAcceptsItsOwnMacAndStripsTheHeader() {
    EmbeddedChannel ch = new EmbeddedChannel(new EthernetInputHandler(stack, events));
    ch.writeInbound(new PortFrame(Stacks.ETH0, TestPackets.frame(mac(0x10), mac(5), TestPackets.tcp("10.0.1.5", "10.0.1.1", 64, true, 0))));
    ch.writeInbound(new PortFrame(Stacks.ETH0, TestPackets.frame(mac(0x99), mac(5), TestPackets.tcp("10.0.1.5", "10.0.1.9", 64, true, 0))));
    List<Object> out = Channels.inbound(ch);
    try {
      assertThat(out).hasSize(1);
      ReceivedPacket p = (ReceivedPacket) out.getFirst();
      assertThat(p.in()).isEqualTo(Stacks.ETH0);
      assertThat(p.content().readableBytes()).isEqualTo(40);
      assertThat(events.drops()).containsExactly(DropReason.NOT_FOR_US);
    } finally {
      Channels.release(out);
      ch.finishAndReleaseAll();
    }
  }

  /** An IGMP report carries the Router Alert option: valid, just not handled, so not "malformed". */
  @Test
  void ipv4OptionsAreUnsupportedNotMalformed() {
    EmbeddedChannel ch = new EmbeddedChannel(new EthernetInputHandler(stack, events));
    ByteBuf igmp = TestPackets.ALLOC.buffer();
    igmp.writeByte(0x46).writeByte(0xc0).writeShort(32).writeShort(0).writeShort(0x4000).writeByte(1).writeByte(2)
        .writeShort(0).writeBytes(new byte[] {10, 0, 1, 5}).writeBytes(new byte[] {(byte) 224, 0, 0, 22})
        .writeInt(0x9404_0000).writeLong(0x2200_f9ff_0000_0000L);
    Ipv4Header.updateChecksum(igmp, 0);
    ch.writeInbound(new PortFrame(Stacks.ETH0, TestPackets.frame(Mac.parse("01:00:5e:00:00:16"), mac(5), igmp)));
    assertThat(Channels.inbound(ch)).isEmpty();
    assertThat(events.drops()).containsExactly(DropReason.UNSUPPORTED);
    ch.finishAndReleaseAll();
  }

  @Test
  void ethernetInputRejectsACorruptHeader() {
    EmbeddedChannel ch = new EmbeddedChannel(new EthernetInputHandler(stack, events));
    ByteBuf frame = TestPackets.frame(mac(0x10), mac(5), TestPackets.tcp("10.0.1.5", "10.0.1.1", 64, true, 0));
    frame.setByte(14 + 8, 3); // TTL changed without fixing the header checksum
    ch.writeInbound(new PortFrame(Stacks.ETH0, frame));
    assertThat(Channels.inbound(ch)).isEmpty();
    assertThat(events.drops()).containsExactly(DropReason.MALFORMED);
    ch.finishAndReleaseAll();
  }

  @Test
  void arpRequestsForOurAddressesAreAnsweredAndTheAskerLearned() {
    EmbeddedChannel ch = new EmbeddedChannel(new ArpHandler(stack, table, clock, events));
    IpAddress asker = IpAddress.parse("10.0.1.5");
    ch.writeInbound(new ArpMessage(Stacks.ETH0, ArpPacket.request(mac(5), asker, IpAddress.parse("10.0.2.1"))));
    ch.writeInbound(new ArpMessage(Stacks.ETH0, ArpPacket.request(mac(5), asker, IpAddress.parse("10.0.1.77"))));
    List<Object> out = Channels.inbound(ch);
    try {
      assertThat(out).hasSize(2);
      DecodedFrame reply = FrameDecoder.standard().decodeFrame(((PortFrame) out.get(0)).content());
      ArpPacket arp = reply.first(ArpPacket.class).orElseThrow();
      assertThat(arp.operation()).isEqualTo(ArpPacket.REPLY);
      assertThat(arp.senderMac()).isEqualTo(mac(0x10)); // answered on eth0 for eth1's address: arp_ignore=0
      assertThat(arp.targetMac()).isEqualTo(mac(5));
      assertThat(out.get(1)).isEqualTo(new NeighborUpdate(Stacks.ETH0, asker, mac(5)));
      assertThat(table.resolve(new NeighborTable.Key(Stacks.ETH0, asker), clock.instant())).isPresent();
      assertThat(events.drops()).containsExactly(DropReason.NOT_FOR_US);
    } finally {
      Channels.release(out);
      ch.finishAndReleaseAll();
    }
  }

  @Test
  void neighborSolicitationsAreAnsweredWithAnAdvertisement() {
    EmbeddedChannel ch = new EmbeddedChannel(new NdpHandler(stack, table, clock, events));
    IpAddress asker = IpAddress.parse("fd00:1::5");
    ByteBuf ns = NeighborMessages.solicitation(TestPackets.ALLOC, mac(5), asker, IpAddress.parse("fd00:1::1"));
    ch.writeInbound(new ReceivedPacket(Stacks.ETH0, ns.retainedSlice(14, ns.readableBytes() - 14)));
    ns.release();
    List<Object> out = Channels.inbound(ch);
    try {
      DecodedFrame na = FrameDecoder.standard().decodeFrame(((PortFrame) out.get(0)).content());
      NdpMessage body = na.first(NdpMessage.class).orElseThrow();
      assertThat(body.solicitation()).isFalse();
      assertThat(body.target()).isEqualTo(IpAddress.parse("fd00:1::1"));
      assertThat(body.linkLayerAddress()).contains(mac(0x10));
      assertThat(out.get(1)).isEqualTo(new NeighborUpdate(Stacks.ETH0, asker, mac(5)));
      assertThat(events.of(ForwardingEvent.NeighborAnswered.class)).hasSize(1);
    } finally {
      Channels.release(out);
      ch.finishAndReleaseAll();
    }
  }

  @Test
  void solicitationsUseTheSolicitedNodeGroup() {
    ByteBuf ns = NeighborMessages.solicitation(TestPackets.ALLOC, mac(5), IpAddress.parse("fd00:1::5"), IpAddress.parse("fd00:1::12:3456"));
    try {
      DecodedFrame d = FrameDecoder.standard().decodeFrame(ns);
      assertThat(d.first(dev.weft.engine.packet.EthernetHeader.class).orElseThrow().destination()).isEqualTo(Mac.parse("33:33:ff:12:34:56"));
      assertThat(d.first(dev.weft.engine.packet.Ipv6Header.class).orElseThrow().destination())
          .isEqualTo(IpAddress.parse("ff02::1:ff12:3456"));
    } finally {
      ns.release();
    }
  }
}
