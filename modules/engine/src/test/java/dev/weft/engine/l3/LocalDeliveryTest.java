package dev.weft.engine.l3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.message.IpDatagram;
import dev.weft.engine.message.LocalDelivery;
import dev.weft.engine.message.LocalPacket;
import dev.weft.engine.message.RoutedPacket;
import dev.weft.engine.packet.DecodedFrame;
import dev.weft.engine.packet.Fragmenter;
import dev.weft.engine.packet.FrameDecoder;
import dev.weft.engine.packet.IpProtocol;
import dev.weft.engine.packet.Ipv4Header;
import dev.weft.engine.packet.PacketWriter;
import dev.weft.engine.packet.UdpHeader;
import dev.weft.engine.testing.Channels;
import dev.weft.engine.testing.Recorder;
import dev.weft.engine.testing.TestPackets;
import dev.weft.model.value.IpAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reassembly, socket demultiplexing and the socket send path. */
class LocalDeliveryTest {
  private final Recorder events = new Recorder();

  private static ByteBuf udp(String src, String dst, int dport, int payload) {
    ByteBuf out = TestPackets.ALLOC.buffer();
    PacketWriter.writeIp(out, Ipv4Header.of(IpAddress.parse(src), IpAddress.parse(dst), IpProtocol.UDP, 20, 3, false),
        new UdpHeader(5555, dport, 8), Unpooled.wrappedBuffer(new byte[payload]));
    return out;
  }

  @Test
  void fragmentsAreHeldUntilTheDatagramIsWhole() {
    EmbeddedChannel ch = new EmbeddedChannel(new ReassemblyHandler(events));
    ByteBuf whole = udp("10.0.1.5", "10.0.1.1", 9999, 3000);
    List<ByteBuf> pieces = Fragmenter.fragment(whole, 1400, TestPackets.ALLOC);
    whole.release();
    for (int i = pieces.size() - 1; i >= 0; i--) { // out of order on purpose
      ch.writeInbound(RoutedPacket.local(Optional.of(Stacks.ETH0), pieces.get(i)));
    }
    List<Object> out = Channels.inbound(ch);
    try {
      RoutedPacket p = (RoutedPacket) out.getFirst();
      DecodedFrame d = FrameDecoder.standard().decodePacket(p.content()); // UDP checksum verifies over the whole
      assertThat(d.payloadLength()).isEqualTo(3000);
      assertThat(events.of(ForwardingEvent.Reassembled.class)).containsExactly(new ForwardingEvent.Reassembled(3, 3028));
    } finally {
      Channels.release(out);
      ch.finishAndReleaseAll();
    }
  }

  @Test
  void tunnelTrafficGoesToItsSocketAndTheRestToTheApplication() {
    EmbeddedChannel ch = new EmbeddedChannel(new SocketDemuxHandler(Stacks.router(), events));
    ch.writeInbound(RoutedPacket.local(Optional.of(Stacks.ETH0), udp("10.0.1.5", "10.0.1.1", 4789, 50)));
    ch.writeInbound(RoutedPacket.local(Optional.of(Stacks.ETH0), udp("10.0.1.5", "10.0.1.1", 53, 50)));
    ch.writeInbound(RoutedPacket.local(Optional.of(Stacks.ETH0), TestPackets.tcp("10.0.1.5", "10.0.1.1", 64, true, 0)));
    List<Object> out = Channels.inbound(ch);
    try {
      DatagramPacket d = (DatagramPacket) out.get(0);
      assertThat(d.recipient().getPort()).isEqualTo(4789);
      assertThat(d.sender()).isEqualTo(new InetSocketAddress(IpAddress.parse("10.0.1.5").toInetAddress(), 5555));
      assertThat(d.content().readableBytes()).isEqualTo(50);
      assertThat(out.get(1)).isInstanceOf(LocalDelivery.class);
      assertThat(out.get(2)).isInstanceOf(LocalDelivery.class);
      assertThat(events.of(ForwardingEvent.Delivered.class)).hasSize(2);
    } finally {
      Channels.release(out);
      ch.finishAndReleaseAll();
    }
  }

  @Test
  void socketsSendWellFormedPackets() {
    EmbeddedChannel ch = new EmbeddedChannel(new SocketSendHandler());
    IpAddress a = IpAddress.parse("192.168.0.1");
    IpAddress b = IpAddress.parse("192.168.0.2");
    ch.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(new byte[30]), new InetSocketAddress(b.toInetAddress(), 9000),
        new InetSocketAddress(a.toInetAddress(), 40000)));
    ch.writeInbound(new IpDatagram(a, b, IpProtocol.GRE, Unpooled.wrappedBuffer(new byte[] {0, 0, 0x65, 0x58})));
    List<Object> out = Channels.inbound(ch);
    try {
      DecodedFrame udp = FrameDecoder.standard().decodePacket(((LocalPacket) out.get(0)).content());
      assertThat(udp.first(UdpHeader.class).orElseThrow()).isEqualTo(new UdpHeader(40000, 9000, 38));
      Ipv4Header gre = Ipv4Header.decode(((LocalPacket) out.get(1)).content().duplicate());
      assertThat(gre.protocol()).isEqualTo(IpProtocol.GRE);
      assertThat(gre.dontFragment()).isFalse();
    } finally {
      Channels.release(out);
      ch.finishAndReleaseAll();
    }
  }
}
