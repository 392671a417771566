package dev.weft.engine.l3;

import static dev.weft.engine.testing.TestPackets.mac;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.message.PortFrame;
import dev.weft.engine.packet.ArpPacket;
import dev.weft.engine.packet.FrameDecoder;
import dev.weft.engine.testing.Channels;
import dev.weft.engine.testing.Recorder;
import dev.weft.engine.testing.TestPackets;
import dev.weft.model.InterfaceRef;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Name;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExternalNetworkHandlerTest {
  private static final InterfaceRef PORT = InterfaceRef.of("internet", "external");
  private final Recorder events = new Recorder();
  private final Set<IpAddress> modelled = Set.of(IpAddress.parse("203.0.113.2"));
  private final EmbeddedChannel ch = new EmbeddedChannel(new ExternalNetworkHandler(PORT, Name.of("internet"), mac(0xee),
      a -> !modelled.contains(a), events));

  @Test
  void itAnswersArpForOutsideAddressesOnlyAndAbsorbsWhatIsSentToIt() {
    IpAddress host = IpAddress.parse("203.0.113.2");
    ch.writeInbound(new PortFrame(PORT, NeighborMessages.arpRequest(TestPackets.ALLOC, mac(2), host, IpAddress.parse("203.0.113.1"))));
    ch.writeInbound(new PortFrame(PORT, NeighborMessages.arpRequest(TestPackets.ALLOC, mac(3), IpAddress.parse("203.0.113.1"), host)));
    ch.writeInbound(new PortFrame(PORT, TestPackets.frame(mac(0xee), mac(2), TestPackets.tcp("203.0.113.2", "8.8.8.8", 63, true, 0))));
    List<Object> out = Channels.inbound(ch);
    try {
      assertThat(out).hasSize(1);
      ArpPacket reply = FrameDecoder.standard().decodeFrame(((PortFrame) out.getFirst()).content()).first(ArpPacket.class).orElseThrow();
      assertThat(reply.senderMac()).isEqualTo(mac(0xee));
      assertThat(events.of(ForwardingEvent.ExitedNetwork.class))
          .containsExactly(new ForwardingEvent.ExitedNetwork(Name.of("internet"), IpAddress.parse("8.8.8.8")));
    } finally {
      Channels.release(out);
      ch.finishAndReleaseAll();
    }
  }
}
