package dev.weft.engine.l3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.packet.Segmentation;
import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.event.ForwardingEvent.MtuOutcome;
import dev.weft.engine.message.LocalPacket;
import dev.weft.engine.message.RoutedPacket;
import dev.weft.engine.packet.FrameDecoder;
import dev.weft.engine.packet.Icmpv4Header;
import dev.weft.engine.packet.IpView;
import dev.weft.engine.testing.Channels;
import dev.weft.engine.testing.Recorder;
import dev.weft.engine.testing.TestPackets;
import dev.weft.model.value.IpAddress;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MtuHandlerTest {
  private final Recorder events = new Recorder();
  private final EmbeddedChannel ch = new EmbeddedChannel(new MtuHandler(Stacks.router(), events, Segmentation.NONE));

  @AfterEach
  void close() {
    ch.finishAndReleaseAll();
  }

  private List<Object> route(RoutedPacket.Path path, ByteBuf ip) {
    ch.writeInbound(new RoutedPacket(path, path == RoutedPacket.Path.FORWARD ? Optional.of(Stacks.ETH0) : Optional.empty(),
        Optional.of(Stacks.ETH1), Optional.of(IpAddress.parse("10.0.2.254")), ip));
    return Channels.inbound(ch);
  }

  @Test
  void aPacketThatFitsPasses() {
    List<Object> out = route(RoutedPacket.Path.FORWARD, TestPackets.tcp("10.0.1.5", "10.9.0.1", 63, true, 1400 - 40));
    try {
      assertThat(out).hasSize(1);
      assertThat(events.events).isEmpty();
    } finally {
      Channels.release(out);
    }
  }

  @Test
  void withoutDfTheRouterFragments() {
    List<Object> out = route(RoutedPacket.Path.FORWARD, TestPackets.tcp("10.0.1.5", "10.9.0.1", 63, false, 1460));
    try {
      assertThat(out).hasSize(2).allSatisfy(o -> assertThat(IpView.length(((RoutedPacket) o).content())).isLessThanOrEqualTo(1400));
      assertThat(events.of(ForwardingEvent.MtuExceeded.class).getFirst().outcome()).isEqualTo(MtuOutcome.FRAGMENTED);
    } finally {
      Channels.release(out);
    }
  }

  @Test
  void withDfAForwardedPacketIsDroppedAndTheSourceLearnsTheMtu() {
    List<Object> out = route(RoutedPacket.Path.FORWARD, TestPackets.tcp("10.0.1.5", "10.9.0.1", 63, true, 1460));
    try {
      assertThat(events.drops()).containsExactly(DropReason.MTU_EXCEEDED);
      assertThat(events.of(ForwardingEvent.IcmpErrorSent.class)).containsExactly(
          new ForwardingEvent.IcmpErrorSent(IpAddress.parse("10.0.1.5"), "fragmentation needed, mtu 1400"));
      LocalPacket icmp = (LocalPacket) out.getFirst(); // re-entered the pipeline; nothing else here to route it
      Icmpv4Header h = FrameDecoder.standard().decodePacket(icmp.content()).first(Icmpv4Header.class).orElseThrow();
      assertThat(h.code()).isEqualTo(Icmpv4Header.CODE_FRAGMENTATION_NEEDED);
      assertThat(h.nextHopMtu()).isEqualTo(1400);
    } finally {
      Channels.release(out);
    }
  }

  @Test
  void withDfALocalSenderGetsMessageTooLongAndNoIcmp() {
    assertThat(route(RoutedPacket.Path.LOCAL_OUT, TestPackets.tcp("10.0.2.1", "10.9.0.1", 64, true, 1460))).isEmpty();
    assertThat(events.of(ForwardingEvent.MtuExceeded.class).getFirst().outcome()).isEqualTo(MtuOutcome.DROPPED_LOCAL_ERROR);
    assertThat(events.of(ForwardingEvent.IcmpErrorSent.class)).isEmpty();
  }
}
