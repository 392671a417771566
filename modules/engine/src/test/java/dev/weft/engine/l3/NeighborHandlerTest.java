package dev.weft.engine.l3;

import static dev.weft.engine.testing.TestPackets.mac;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.event.ForwardingEvent.Resolution;
import dev.weft.engine.message.NeighborTimeout;
import dev.weft.engine.message.NeighborUpdate;
import dev.weft.engine.message.PortFrame;
import dev.weft.engine.message.ReceivedPacket;
import dev.weft.engine.message.RoutedPacket;
import dev.weft.engine.packet.ArpPacket;
import dev.weft.engine.packet.DecodedFrame;
import dev.weft.engine.packet.EthernetHeader;
import dev.weft.engine.packet.FrameDecoder;
import dev.weft.engine.testing.Channels;
import dev.weft.engine.testing.MutableClock;
import dev.weft.engine.testing.Recorder;
import dev.weft.engine.testing.TestPackets;
import dev.weft.model.InterfaceRef;
import dev.weft.model.NeighborEntry;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NeighborHandlerTest {
  private static final IpAddress GW = IpAddress.parse("10.0.2.254");
  private final Recorder events = new Recorder();
  private final MutableClock clock = new MutableClock();
  private NeighborTable table;
  private EmbeddedChannel ch = channel(List.of());

  private EmbeddedChannel channel(List<NeighborEntry> statics) {
    StackConfig cfg = Stacks.router(true, statics);
    table = NeighborTable.of(Stacks.R1, statics);
    return new EmbeddedChannel(new NeighborHandler(cfg.index(), table, clock, events));
  }

  @AfterEach
  void close() {
    ch.finishAndReleaseAll();
  }

  private static RoutedPacket forward(InterfaceRef out, IpAddress next) {
    return new RoutedPacket(RoutedPacket.Path.FORWARD, Optional.of(Stacks.ETH0), Optional.of(out), Optional.of(next),
        TestPackets.tcp("10.0.1.5", "10.9.0.1", 63, true, 0));
  }

  @Test
  void aPermanentEntryFramesThePacketAtOnce() {
    ch.finishAndReleaseAll();
    ch = channel(List.of(new NeighborEntry(InterfaceName.of("eth1"), GW, mac(0x77))));
    ch.writeInbound(forward(Stacks.ETH1, GW));
    List<Object> out = Channels.inbound(ch);
    try {
      EthernetHeader eth = FrameDecoder.standard().decodeFrame(((PortFrame) out.getFirst()).content())
          .first(EthernetHeader.class).orElseThrow();
      assertThat(eth.destination()).isEqualTo(mac(0x77));
      assertThat(eth.source()).isEqualTo(mac(0x11));
      assertThat(events.of(ForwardingEvent.NeighborResolved.class).getFirst().how()).isEqualTo(Resolution.STATIC);
    } finally {
      Channels.release(out);
    }
  }

  @Test
  void anUnknownNextHopIsAskedForOnceAndItsPacketsWaitForTheAnswer() {
    ch.writeInbound(forward(Stacks.ETH1, GW));
    ch.writeInbound(forward(Stacks.ETH1, GW));
    List<Object> asked = Channels.inbound(ch);
    try {
      assertThat(asked).hasSize(1);
      DecodedFrame request = FrameDecoder.standard().decodeFrame(((PortFrame) asked.getFirst()).content());
      ArpPacket arp = request.first(ArpPacket.class).orElseThrow();
      assertThat(arp.targetIp()).isEqualTo(GW);
      assertThat(arp.senderIp()).isEqualTo(IpAddress.parse("10.0.2.1"));
    } finally {
      Channels.release(asked);
    }
    ch.writeInbound(new NeighborUpdate(Stacks.ETH1, GW, mac(0x77)));
    List<Object> released = Channels.inbound(ch);
    try {
      assertThat(released).hasSize(2);
      assertThat(events.of(ForwardingEvent.NeighborResolved.class)).extracting(ForwardingEvent.NeighborResolved::how)
          .containsExactly(Resolution.LEARNED, Resolution.LEARNED);
    } finally {
      Channels.release(released);
    }
  }

  /**
   * Past its reachable time an entry is still used, as the kernel uses a STALE entry, and probed once a
   * second; a flow through the stack does not wait on the entry's age. Unanswered for the probe window,
   * the entry goes and the next packet waits for a fresh resolution.
   */
  @Test
  void aStaleEntryIsUsedWhileItIsProbedAndDroppedWhenProbesGoUnanswered() {
    sendThroughAStaleEntry();
    ch.writeInbound(forward(Stacks.ETH1, GW));
    assertThat(kinds(Channels.inbound(ch))).containsExactly("frame to 02:00:00:00:00:77");
    clock.advance(Duration.ofMillis(1500));
    ch.writeInbound(forward(Stacks.ETH1, GW));
    assertThat(kinds(Channels.inbound(ch))).containsExactly("frame to 02:00:00:00:00:77", "ARP for 10.0.2.254");
    clock.advance(Duration.ofMillis(1500)); // 3 s since the first probe, no answer
    ch.writeInbound(forward(Stacks.ETH1, GW));
    assertThat(kinds(Channels.inbound(ch))).containsExactly("ARP for 10.0.2.254");
    ch.writeInbound(new NeighborUpdate(Stacks.ETH1, GW, mac(0x78)));
    assertThat(kinds(Channels.inbound(ch))).containsExactly("frame to 02:00:00:00:00:78");
  }

  @Test
  void anAnswerToAProbeMakesTheEntryFreshAgain() {
    sendThroughAStaleEntry();
    clock.advance(Duration.ofSeconds(1));
    table.learn(new NeighborTable.Key(Stacks.ETH1, GW), mac(0x77), clock.instant()); // what ArpHandler does with the reply
    clock.advance(Duration.ofSeconds(30));
    ch.writeInbound(forward(Stacks.ETH1, GW));
    assertThat(kinds(Channels.inbound(ch))).containsExactly("frame to 02:00:00:00:00:77");
  }

  /** Learns GW as ...:77, lets the entry go stale and sends one packet: it goes to ...:77, and a probe follows. */
  private void sendThroughAStaleEntry() {
    table.learn(new NeighborTable.Key(Stacks.ETH1, GW), mac(0x77), clock.instant());
    clock.advance(Duration.ofSeconds(61));
    ch.writeInbound(forward(Stacks.ETH1, GW));
    assertThat(kinds(Channels.inbound(ch))).containsExactly("frame to 02:00:00:00:00:77", "ARP for 10.0.2.254");
  }

  /** Each output frame as "frame to MAC" or "ARP for IP"; releases them. */
  private static List<String> kinds(List<Object> out) {
    try {
      return out.stream().map(o -> {
        DecodedFrame f = FrameDecoder.standard().decodeFrame(((PortFrame) o).content());
        return f.first(ArpPacket.class).map(a -> "ARP for " + a.targetIp())
            .orElseGet(() -> "frame to " + f.first(EthernetHeader.class).orElseThrow().destination());
      }).toList();
    } finally {
      Channels.release(out);
    }
  }

  @Test
  void aTimeoutDropsWhatIsStillWaiting() {
    ch.writeInbound(forward(Stacks.ETH1, GW));
    Channels.release(Channels.inbound(ch));
    ch.pipeline().fireUserEventTriggered(NeighborTimeout.INSTANCE);
    assertThat(events.drops()).containsExactly(DropReason.NEIGHBOR_UNREACHABLE);
  }

  @Test
  void loopbackTurnsThePacketRoundIntoTheStack() {
    ch.writeInbound(new RoutedPacket(RoutedPacket.Path.LOCAL_OUT, Optional.empty(), Optional.of(Stacks.LO),
        Optional.of(IpAddress.parse("10.0.1.1")), TestPackets.tcp("10.0.1.1", "10.0.1.1", 64, true, 0)));
    List<Object> out = Channels.inbound(ch);
    try {
      assertThat(out).singleElement().isInstanceOf(ReceivedPacket.class);
    } finally {
      Channels.release(out);
    }
  }
}
