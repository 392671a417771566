package dev.weft.engine.tunnel;

import static dev.weft.engine.testing.TestPackets.mac;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.message.IpDatagram;
import dev.weft.engine.message.PortFrame;
import dev.weft.engine.packet.EtherType;
import dev.weft.engine.packet.GreHeader;
import dev.weft.engine.packet.IpProtocol;
import dev.weft.engine.testing.Channels;
import dev.weft.engine.testing.Recorder;
import dev.weft.engine.testing.TestPackets;
import dev.weft.model.InterfaceRef;
import dev.weft.model.value.IpAddress;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GreHandlersTest {
  private static final InterfaceRef DEV = InterfaceRef.of("host1", "gre-host2");
  private static final IpAddress LOCAL = IpAddress.parse("192.168.0.1");
  private static final IpAddress REMOTE = IpAddress.parse("192.168.0.2");
  private final Recorder events = new Recorder();

  private EmbeddedChannel device(boolean ethernet) {
    GreConfig cfg = new GreConfig(DEV, LOCAL, REMOTE, Optional.of(1234L), ethernet);
    return new EmbeddedChannel(new GreDecapHandler(cfg, events), new GreEncapHandler(cfg, events));
  }

  @Test
  void gretapWrapsAFrameWithItsKeyAndUnwrapsItOnTheOtherSide() {
    EmbeddedChannel a = device(true);
    a.writeOutbound(new PortFrame(DEV, TestPackets.raw(mac(2), mac(1), 70)));
    List<Object> sent = Channels.outbound(a);
    IpDatagram d = (IpDatagram) sent.getFirst();
    assertThat(d.source()).isEqualTo(LOCAL);
    assertThat(d.destination()).isEqualTo(REMOTE);
    assertThat(d.protocol()).isEqualTo(IpProtocol.GRE);
    GreHeader h = GreHeader.decode(d.content().duplicate());
    assertThat(h.protocolType()).isEqualTo(EtherType.TRANSPARENT_ETHERNET);
    assertThat(h.key()).contains(1234L);

    // the peer device sees it from the other direction
    GreConfig peer = new GreConfig(InterfaceRef.of("host2", "gre-host1"), REMOTE, LOCAL, Optional.of(1234L), true);
    EmbeddedChannel b = new EmbeddedChannel(new GreDecapHandler(peer, events));
    b.writeInbound(d);
    List<Object> got = Channels.inbound(b);
    try {
      PortFrame f = (PortFrame) got.getFirst();
      assertThat(f.port()).isEqualTo(peer.device());
      assertThat(f.content().readableBytes()).isEqualTo(70);
    } finally {
      Channels.release(got);
      a.finishAndReleaseAll();
      b.finishAndReleaseAll();
    }
  }

  @Test
  void aWrongKeyIsNotThisTunnel() {
    EmbeddedChannel ch = device(true);
    ByteBuf payload = TestPackets.ALLOC.buffer();
    GreHeader.of(EtherType.TRANSPARENT_ETHERNET, Optional.of(99L)).encode(payload);
    payload.writeZero(60);
    ch.writeInbound(new IpDatagram(REMOTE, LOCAL, IpProtocol.GRE, payload));
    assertThat(Channels.inbound(ch)).isEmpty();
    assertThat(events.drops()).containsExactly(DropReason.UNKNOWN_TUNNEL);
    ch.finishAndReleaseAll();
  }

  @Test
  void l3GreCarriesBareIpPackets() {
    EmbeddedChannel ch = device(false);
    ch.writeOutbound(new PortFrame(DEV, TestPackets.tcp("10.1.0.2", "10.2.0.2", 64, true, 0)));
    List<Object> sent = Channels.outbound(ch);
    try {
      IpDatagram d = (IpDatagram) sent.getFirst();
      assertThat(GreHeader.decode(d.content().duplicate()).protocolType()).isEqualTo(EtherType.IPV4);
    } finally {
      Channels.release(sent);
      ch.finishAndReleaseAll();
    }
  }
}
