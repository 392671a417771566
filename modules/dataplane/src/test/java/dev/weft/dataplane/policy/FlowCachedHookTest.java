package dev.weft.dataplane.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.hook.HookPoint;
import dev.weft.engine.hook.HookVerdict;
import dev.weft.engine.hook.NetfilterHook;
import dev.weft.engine.hook.PacketContext;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Name;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlowCachedHookTest {
  private static final IpAddress CLIENT = IpAddress.parse("10.0.0.1");
  private static final IpAddress SERVER = IpAddress.parse("10.0.0.2");

  /** What reached the chains behind the cache. */
  private final List<PacketContext> asked = new ArrayList<>();

  private PacketContext packet(IpAddress src, IpAddress dst, int sport, int dport, int length) {
    return new PacketContext(Name.of("pod"), HookPoint.INPUT, Optional.of(InterfaceName.of("eth0")), Optional.empty(),
        src, dst, 6, sport, dport, -1, length);
  }

  @Test
  void chainsAreWalkedOncePerFlowAndHookNotPerPacket() {
    FlowCacheCounters counters = new FlowCacheCounters();
    NetfilterHook chains = p -> {
      asked.add(p);
      return p.destinationPort() == 81 ? new HookVerdict.Drop("-A INPUT -p tcp --dport 81 -j DROP", List.of()) : HookVerdict.accept();
    };
    FlowCachedHook hook = new FlowCachedHook(chains, 100, counters);
    for (int i = 0; i < 50; i++) {
      assertThat(hook.evaluate(packet(CLIENT, SERVER, 40000, 80, 60 + i))).isInstanceOf(HookVerdict.Accept.class);
      assertThat(hook.evaluate(packet(CLIENT, SERVER, 40001, 81, 60 + i))).isInstanceOf(HookVerdict.Drop.class);
    }
    assertThat(asked).hasSize(2);
    assertThat(counters.misses()).isEqualTo(2);
    assertThat(counters.hits()).isEqualTo(98);
  }

  /** The first packet of a flow and the packets after a reply are separate entries: NEW and ESTABLISHED. */
  @Test
  void aReplyTurnsTheFlowEstablished() {
    FlowCacheCounters counters = new FlowCacheCounters();
    FlowCachedHook hook = new FlowCachedHook(p -> {
      asked.add(p);
      return HookVerdict.accept();
    }, 100, counters);
    hook.evaluate(packet(CLIENT, SERVER, 40000, 80, 60));
    hook.evaluate(packet(CLIENT, SERVER, 40000, 80, 60));
    assertThat(asked).hasSize(1);
    hook.evaluate(packet(SERVER, CLIENT, 80, 40000, 60));
    hook.evaluate(packet(CLIENT, SERVER, 40000, 80, 60));
    hook.evaluate(packet(CLIENT, SERVER, 40000, 80, 60));
    assertThat(asked).as("new, reply, established").hasSize(3);
  }

  /** A dropped flow stays NEW (cached) until a packet of its reverse is accepted. */
  @Test
  void aDroppedFlowStaysNewUntilItsReverseIsAccepted() {
    FlowCachedHook hook = new FlowCachedHook(p -> {
      asked.add(p);
      return p.sourcePort() == 40000 ? new HookVerdict.Drop("x", List.of()) : HookVerdict.accept();
    }, 100, new FlowCacheCounters());
    for (int i = 0; i < 3; i++) {
      assertThat(hook.evaluate(packet(CLIENT, SERVER, 40000, 80, 60))).isInstanceOf(HookVerdict.Drop.class);
    }
    assertThat(asked).hasSize(1);
    hook.evaluate(packet(SERVER, CLIENT, 80, 40000, 60));
    hook.evaluate(packet(CLIENT, SERVER, 40000, 80, 60));
    hook.evaluate(packet(CLIENT, SERVER, 40000, 80, 60));
    assertThat(asked).as("client NEW, server, client ESTABLISHED").hasSize(3);
  }

  @Test
  void theCacheIsBounded() {
    FlowCachedHook hook = new FlowCachedHook(p -> HookVerdict.accept(), 16, new FlowCacheCounters());
    for (int port = 1; port <= 1000; port++) {
      hook.evaluate(packet(CLIENT, SERVER, port, 80, 60));
    }
    assertThat(hook.size()).isEqualTo(16);
  }
}
