package dev.weft.engine.l3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.message.LocalPacket;
import dev.weft.engine.message.ReceivedPacket;
import dev.weft.engine.message.RoutedPacket;
import dev.weft.engine.packet.DecodedFrame;
import dev.weft.engine.packet.FrameDecoder;
import dev.weft.engine.packet.Icmpv4Header;
import dev.weft.engine.packet.IpView;
import dev.weft.engine.testing.Channels;
import dev.weft.engine.testing.Recorder;
import dev.weft.engine.testing.TestPackets;
import dev.weft.model.value.IpAddress;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RouterHandlerTest {
  private final Recorder events = new Recorder();
  private EmbeddedChannel ch = new EmbeddedChannel(new RouterHandler(Stacks.router(), events));

  @AfterEach
  void close() {
    ch.finishAndReleaseAll();
  }

  private List<Object> run(Object msg) {
    ch.writeInbound(msg);
    return Channels.inbound(ch);
  }

  @Test
  void aPacketForALocalAddressGoesUp() {
    List<Object> out = run(new ReceivedPacket(Stacks.ETH0, TestPackets.tcp("10.0.1.5", "10.0.2.1", 64, true, 0)));
    try {
      RoutedPacket p = (RoutedPacket) out.getFirst();
      assertThat(p.path()).isEqualTo(RoutedPacket.Path.LOCAL_IN);
      assertThat(IpView.hopLimit(p.content())).isEqualTo(64);
    } finally {
      Channels.release(out);
    }
  }

  @Test
  void aForwardedPacketTakesTheLongestMatchAndLosesOneTtl() {
    List<Object> out = run(new ReceivedPacket(Stacks.ETH0, TestPackets.tcp("10.0.1.5", "10.9.3.4", 64, true, 10)));
    try {
      RoutedPacket p = (RoutedPacket) out.getFirst();
      assertThat(p.path()).isEqualTo(RoutedPacket.Path.FORWARD);
      assertThat(p.out()).isEqualTo(Stacks.ETH1);
      assertThat(p.nextHop()).isEqualTo(IpAddress.parse("10.0.2.254"));
      assertThat(IpView.hopLimit(p.content())).isEqualTo(63);
      FrameDecoder.standard().decodePacket(p.content()); // checksums still valid
      assertThat(events.of(ForwardingEvent.TtlDecremented.class)).containsExactly(new ForwardingEvent.TtlDecremented(64, 63));
    } finally {
      Channels.release(out);
    }
  }

  @Test
  void noRouteDrops() {
    assertThat(run(new ReceivedPacket(Stacks.ETH0, TestPackets.tcp("10.0.1.5", "192.0.2.1", 64, true, 0)))).isEmpty();
    assertThat(events.drops()).containsExactly(DropReason.NO_ROUTE);
  }

  @Test
  void aNamespaceThatDoesNotForwardDropsTransitTraffic() {
    ch.finishAndReleaseAll();
    ch = new EmbeddedChannel(new RouterHandler(Stacks.router(false, List.of()).index(), events));
    assertThat(run(new ReceivedPacket(Stacks.ETH0, TestPackets.tcp("10.0.1.5", "10.9.3.4", 64, true, 0)))).isEmpty();
    assertThat(events.drops()).containsExactly(DropReason.FORWARDING_DISABLED);
  }

  @Test
  void anExpiringTtlDropsAndSendsTimeExceededBackToTheSource() {
    List<Object> out = run(new ReceivedPacket(Stacks.ETH0, TestPackets.tcp("10.0.1.5", "10.9.3.4", 1, true, 0)));
    try {
      assertThat(events.drops()).containsExactly(DropReason.TTL_EXCEEDED);
      RoutedPacket icmp = (RoutedPacket) out.getFirst(); // the error, routed as a local packet
      assertThat(icmp.path()).isEqualTo(RoutedPacket.Path.LOCAL_OUT);
      DecodedFrame d = FrameDecoder.standard().decodePacket(icmp.content());
      assertThat(d.first(Icmpv4Header.class).orElseThrow().type()).isEqualTo(Icmpv4Header.TIME_EXCEEDED);
      assertThat(IpView.source(icmp.content())).isEqualTo(IpAddress.parse("10.0.1.1"));
      assertThat(IpView.destination(icmp.content())).isEqualTo(IpAddress.parse("10.0.1.5"));
    } finally {
      Channels.release(out);
    }
  }

  @Test
  void anUnboundLocalPacketGetsTheEgressAddressAsSource() {
    List<Object> out = run(new LocalPacket(TestPackets.tcp("0.0.0.0", "10.9.3.4", 64, true, 0)));
    try {
      RoutedPacket p = (RoutedPacket) out.getFirst();
      assertThat(p.path()).isEqualTo(RoutedPacket.Path.LOCAL_OUT);
      assertThat(IpView.source(p.content())).isEqualTo(IpAddress.parse("10.0.2.1"));
      assertThat(IpView.hopLimit(p.content())).isEqualTo(64);
      FrameDecoder.standard().decodePacket(p.content());
    } finally {
      Channels.release(out);
    }
  }

  @Test
  void aLocalPacketToItselfLeavesByLoopback() {
    List<Object> out = run(new LocalPacket(TestPackets.tcp("0.0.0.0", "10.0.1.1", 64, true, 0)));
    try {
      RoutedPacket p = (RoutedPacket) out.getFirst();
      assertThat(p.out()).isEqualTo(Stacks.LO);
      assertThat(IpView.source(p.content())).isEqualTo(IpAddress.parse("10.0.1.1"));
    } finally {
      Channels.release(out);
    }
  }
}
