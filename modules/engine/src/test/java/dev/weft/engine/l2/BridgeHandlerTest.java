package dev.weft.engine.l2;

import static dev.weft.engine.testing.TestPackets.mac;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.message.PortFrame;
import dev.weft.engine.testing.Channels;
import dev.weft.engine.testing.MutableClock;
import dev.weft.engine.testing.Recorder;
import dev.weft.engine.testing.TestPackets;
import dev.weft.model.InterfaceRef;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BridgeHandlerTest {
  private static final InterfaceRef BR = InterfaceRef.of("host1", "br0");
  private static final InterfaceRef P1 = InterfaceRef.of("host1", "veth1");
  private static final InterfaceRef P2 = InterfaceRef.of("host1", "veth2");
  private static final InterfaceRef P3 = InterfaceRef.of("host1", "veth3");
  private static final Mac BR_MAC = mac(0xb0);
  private static final Mac A = mac(1);
  private static final Mac B = mac(2);

  private final Recorder events = new Recorder();
  private final MutableClock clock = new MutableClock();
  private EmbeddedChannel ch = bridge(false);

  private EmbeddedChannel bridge(boolean hairpinOnP1) {
    List<BridgePort> ports = List.of(new BridgePort(P1, Mtu.ETHERNET, hairpinOnP1), new BridgePort(P2, Mtu.ETHERNET, false),
        new BridgePort(P3, new Mtu(1400), false));
    return new EmbeddedChannel(new BridgeHandler(new BridgePort(BR, Mtu.ETHERNET, false), BR_MAC, ports,
        new ForwardingDatabase(Duration.ofSeconds(300)), clock, events));
  }

  @AfterEach
  void close() {
    ch.finishAndReleaseAll();
  }

  private List<InterfaceRef> send(InterfaceRef in, Mac dst, Mac src) {
    return send(in, dst, src, 100);
  }

  private List<InterfaceRef> send(InterfaceRef in, Mac dst, Mac src, int size) {
    ch.writeInbound(new PortFrame(in, TestPackets.raw(dst, src, size)));
    List<Object> out = Channels.inbound(ch);
    try {
      return out.stream().map(o -> ((PortFrame) o).port()).toList();
    } finally {
      Channels.release(out);
    }
  }

  @Test
  void unknownUnicastFloodsToOtherPortsButNotUpToTheStack() {
    assertThat(send(P1, B, A)).containsExactly(P2, P3);
    assertThat(events.of(ForwardingEvent.FdbLearned.class)).containsExactly(new ForwardingEvent.FdbLearned(BR, A, P1));
  }

  @Test
  void broadcastReachesEveryOtherPortAndTheStack() {
    assertThat(send(P2, Mac.BROADCAST, B)).containsExactly(BR, P1, P3);
  }

  @Test
  void aLearnedMacIsForwardedToItsPortOnly() {
    send(P1, Mac.BROADCAST, A);
    assertThat(send(P2, A, B)).containsExactly(P1);
    assertThat(events.of(ForwardingEvent.FdbHit.class)).containsExactly(new ForwardingEvent.FdbHit(BR, A, P1));
  }

  @Test
  void framesForTheBridgeMacGoUpToTheStack() {
    assertThat(send(P1, BR_MAC, A)).containsExactly(BR);
  }

  @Test
  void framesFromTheStackAreForwardedButItsMacIsNotLearnedOnAPort() {
    send(P1, Mac.BROADCAST, A);
    assertThat(send(BR, A, BR_MAC)).containsExactly(P1);
    assertThat(send(P1, BR_MAC, A)).containsExactly(BR);
  }

  @Test
  void hairpinOffKeepsAFrameFromLeavingByItsIngressPort() {
    send(P1, Mac.BROADCAST, A);
    send(P1, Mac.BROADCAST, B); // B now appears behind P1 as well
    assertThat(send(P1, A, B)).isEmpty();
    assertThat(events.drops()).containsExactly(DropReason.HAIRPIN);
  }

  @Test
  void hairpinOnLetsItBackOut() {
    ch.finishAndReleaseAll();
    ch = bridge(true);
    send(P1, Mac.BROADCAST, A);
    send(P1, Mac.BROADCAST, B);
    assertThat(send(P1, A, B)).containsExactly(P1);
  }

  @Test
  void learnedEntriesAgeOutAndTheFrameFloodsAgain() {
    send(P1, Mac.BROADCAST, A);
    clock.advance(Duration.ofSeconds(299));
    assertThat(send(P2, A, B)).containsExactly(P1);
    clock.advance(Duration.ofSeconds(301));
    assertThat(send(P2, A, B)).containsExactly(P1, P3);
  }

  @Test
  void aFrameTooBigForAPortIsDroppedThereButReachesTheOthers() {
    assertThat(send(P1, B, A, 14 + 1450)).containsExactly(P2);
    assertThat(events.drops()).containsExactly(DropReason.MTU_EXCEEDED);
  }

  @Test
  void floodedCopiesAreIndependent() {
    ch.writeInbound(new PortFrame(P1, TestPackets.raw(B, A, 100)));
    List<Object> out = Channels.inbound(ch);
    try {
      PortFrame first = (PortFrame) out.get(0);
      PortFrame second = (PortFrame) out.get(1);
      first.content().setByte(20, 0x55);
      assertThat(second.content().getByte(20)).isZero();
    } finally {
      Channels.release(out);
    }
  }

  @Test
  void aPlainSwitchHasNoOwnPortAndFloodsBroadcastToAllOthers() {
    ch.finishAndReleaseAll();
    InterfaceRef name = InterfaceRef.of("underlay", "switch");
    ch = new EmbeddedChannel(BridgeHandler.plainSwitch(name, List.of(new BridgePort(P1, Mtu.ETHERNET, false),
        new BridgePort(P2, Mtu.ETHERNET, false), new BridgePort(P3, Mtu.ETHERNET, false)),
        new ForwardingDatabase(Duration.ofSeconds(300)), clock, events));
    assertThat(send(P1, Mac.BROADCAST, A)).containsExactly(P2, P3);
    assertThat(send(P2, A, B)).containsExactly(P1);
    assertThat(events.of(ForwardingEvent.FdbHit.class)).containsExactly(new ForwardingEvent.FdbHit(name, A, P1));
  }
}
