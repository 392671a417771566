package dev.weft.engine.l3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.hook.HookPoint;
import dev.weft.engine.hook.HookVerdict;
import dev.weft.engine.hook.NetfilterHook;
import dev.weft.engine.hook.PacketContext;
import dev.weft.engine.message.ReceivedPacket;
import dev.weft.engine.message.RoutedPacket;
import dev.weft.engine.packet.FrameDecoder;
import dev.weft.engine.packet.IpView;
import dev.weft.engine.testing.Channels;
import dev.weft.engine.testing.Recorder;
import dev.weft.engine.testing.TestPackets;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetfilterHandlerTest {
  private final Recorder events = new Recorder();
  private final List<PacketContext> seen = new ArrayList<>();

  private EmbeddedChannel channel(NetfilterHandler.Stage stage, NetfilterHook hook) {
    return new EmbeddedChannel(new NetfilterHandler(Stacks.router(), p -> {
      seen.add(p);
      return hook.evaluate(p);
    }, stage, events));
  }

  @Test
  void forwardHookSeesInterfacesAndPortsAndCanDrop() {
    EmbeddedChannel ch = channel(NetfilterHandler.Stage.FILTER,
        p -> new HookVerdict.Drop("-A FORWARD -p tcp --dport 80 -j DROP", List.of("FORWARD: rule 1 matched")));
    ch.writeInbound(new RoutedPacket(RoutedPacket.Path.FORWARD, Optional.of(Stacks.ETH0), Optional.of(Stacks.ETH1),
        Optional.of(IpAddress.parse("10.0.2.9")), TestPackets.tcp("10.0.1.5", "10.0.2.9", 63, true, 0)));
    assertThat(Channels.inbound(ch)).isEmpty();
    PacketContext p = seen.getFirst();
    assertThat(p.hook()).isEqualTo(HookPoint.FORWARD);
    assertThat(p.in()).contains(InterfaceName.of("eth0"));
    assertThat(p.out()).contains(InterfaceName.of("eth1"));
    assertThat(p.destinationPort()).isEqualTo(80);
    assertThat(events.drops()).containsExactly(DropReason.POLICY);
    ForwardingEvent.HookEvaluated h = events.of(ForwardingEvent.HookEvaluated.class).getFirst();
    assertThat(h.rule()).contains("-A FORWARD -p tcp --dport 80 -j DROP");
    assertThat(h.explanation()).containsExactly("FORWARD: rule 1 matched");
    ch.finishAndReleaseAll();
  }

  @Test
  void preroutingDnatRewritesThePacket() {
    IpAddress backend = IpAddress.parse("10.0.2.50");
    EmbeddedChannel ch = channel(NetfilterHandler.Stage.PREROUTING,
        p -> new HookVerdict.Rewrite(p.source(), backend, p.sourcePort(), 8080, "DNAT to 10.0.2.50:8080", List.of()));
    ch.writeInbound(new ReceivedPacket(Stacks.ETH0, TestPackets.tcp("10.0.1.5", "10.96.0.10", 64, true, 0)));
    List<Object> out = Channels.inbound(ch);
    try {
      ReceivedPacket p = (ReceivedPacket) out.getFirst();
      assertThat(IpView.destination(p.content())).isEqualTo(backend);
      assertThat(IpView.destinationPort(p.content())).isEqualTo(8080);
      FrameDecoder.standard().decodePacket(p.content());
    } finally {
      Channels.release(out);
      ch.finishAndReleaseAll();
    }
  }

  @Test
  void withoutRulesNothingIsAskedOrReported() {
    EmbeddedChannel ch = new EmbeddedChannel(new NetfilterHandler(Stacks.router(), NetfilterHook.ACCEPT_ALL,
        NetfilterHandler.Stage.PREROUTING, events));
    ch.writeInbound(new ReceivedPacket(Stacks.ETH0, TestPackets.tcp("10.0.1.5", "10.0.1.1", 64, true, 0)));
    List<Object> out = Channels.inbound(ch);
    assertThat(out).hasSize(1);
    assertThat(events.events).isEmpty();
    Channels.release(out);
    ch.finishAndReleaseAll();
  }
}
