package dev.weft.engine.l2;

import static dev.weft.engine.testing.TestPackets.mac;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.message.PortFrame;
import dev.weft.engine.testing.Channels;
import dev.weft.engine.testing.Recorder;
import dev.weft.engine.testing.TestPackets;
import dev.weft.model.InterfaceRef;
import dev.weft.model.value.Mtu;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

class VethHandlerTest {
  private static final InterfaceRef POD = InterfaceRef.of("pod1", "eth0");
  private static final InterfaceRef HOST = InterfaceRef.of("host1", "veth1");
  private final Recorder events = new Recorder();
  private final EmbeddedChannel ch = new EmbeddedChannel(new VethHandler(POD, new Mtu(1500), HOST, new Mtu(1400), events));

  @Test
  void framesComeOutOfTheOtherEndInBothDirections() {
    ch.writeInbound(new PortFrame(POD, TestPackets.raw(mac(2), mac(1), 100)));
    ch.writeInbound(new PortFrame(HOST, TestPackets.raw(mac(1), mac(2), 100)));
    List<Object> out = Channels.inbound(ch);
    try {
      assertThat(out).extracting(o -> ((PortFrame) o).port()).containsExactly(HOST, POD);
      assertThat(events.of(ForwardingEvent.VethCrossed.class)).containsExactly(
          new ForwardingEvent.VethCrossed(POD, HOST), new ForwardingEvent.VethCrossed(HOST, POD));
    } finally {
      Channels.release(out);
      ch.finishAndReleaseAll();
    }
  }

  @Test
  void aFrameLargerThanThePeersMtuIsDroppedWithoutIcmp() {
    ch.writeInbound(new PortFrame(POD, TestPackets.raw(mac(2), mac(1), 14 + 1401)));
    ch.writeInbound(new PortFrame(POD, TestPackets.raw(mac(2), mac(1), 14 + 1400)));
    List<Object> out = Channels.inbound(ch);
    try {
      assertThat(out).hasSize(1);
      assertThat(events.drops()).containsExactly(DropReason.MTU_EXCEEDED);
      assertThat(events.of(ForwardingEvent.MtuExceeded.class).getFirst().outcome())
          .isEqualTo(ForwardingEvent.MtuOutcome.DROPPED_SILENTLY);
    } finally {
      Channels.release(out);
      ch.finishAndReleaseAll();
    }
  }

  @Test
  void framesOfOtherPortsPassThroughUntouched() {
    InterfaceRef other = InterfaceRef.of("pod9", "eth0");
    ch.writeInbound(new PortFrame(other, TestPackets.raw(mac(2), mac(1), 60)));
    List<Object> out = Channels.inbound(ch);
    try {
      assertThat(out).extracting(o -> ((PortFrame) o).port()).containsExactly(other);
      assertThat(events.events).isEmpty();
    } finally {
      Channels.release(out);
      ch.finishAndReleaseAll();
    }
  }
}
