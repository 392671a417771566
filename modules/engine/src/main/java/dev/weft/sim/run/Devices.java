package dev.weft.sim.run;

import dev.weft.engine.event.ForwardingObserver;
import dev.weft.engine.hook.NetfilterHooks;
import dev.weft.engine.l2.BridgeHandler;
import dev.weft.engine.l2.BridgePort;
import dev.weft.engine.l2.ForwardingDatabase;
import dev.weft.engine.l2.VethHandler;
import dev.weft.engine.l3.ExternalNetworkHandler;
import dev.weft.engine.l3.StackPipeline;
import dev.weft.engine.packet.Segmentation;
import dev.weft.engine.tunnel.GreDecapHandler;
import dev.weft.engine.tunnel.GreEncapHandler;
import dev.weft.engine.tunnel.VxlanDecapHandler;
import dev.weft.engine.tunnel.VxlanEncapHandler;
import dev.weft.engine.tunnel.VxlanForwardingTable;
import dev.weft.model.InterfaceRef;
import dev.weft.model.value.InterfaceName;
import dev.weft.sim.fabric.DeviceSpec;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * Builds the handlers of each kind of device: the simulator wires them on embedded channels, and the
 * userspace dataplane runs the very same list on TAPs and sockets.
 */
public final class Devices {
  private Devices() {}

  static EmbeddedChannel channel(DeviceSpec spec, InstantSource clock, ForwardingObserver observer, NetfilterHooks hooks) {
    return new EmbeddedChannel(handlers(spec, clock, observer, hooks).toArray(ChannelHandler[]::new));
  }

  /** The handlers of one device, in pipeline order. */
  public static List<ChannelHandler> handlers(DeviceSpec spec, InstantSource clock, ForwardingObserver observer,
      NetfilterHooks hooks) {
    return handlers(spec, clock, observer, hooks, Segmentation.NONE);
  }

  /** The handlers of one device, whose MTU checks look at each packet's largest segment. */
  public static List<ChannelHandler> handlers(DeviceSpec spec, InstantSource clock, ForwardingObserver observer,
      NetfilterHooks hooks, Segmentation segmentation) {
    return switch (spec) {
      case DeviceSpec.Stack s ->
          StackPipeline.handlers(s.index(), hooks.forNamespace(s.config().namespace()), clock, observer, segmentation);
      case DeviceSpec.Bridge b -> List.of(new BridgeHandler(new BridgePort(b.bridge(), b.mtu(), false), b.mac(), b.ports(),
          new ForwardingDatabase(b.ageing()), clock, observer, segmentation));
      case DeviceSpec.Veth v -> List.of(new VethHandler(v.a(), v.mtuA(), v.b(), v.mtuB(), observer, segmentation));
      case DeviceSpec.Vxlan x -> {
        VxlanForwardingTable table = new VxlanForwardingTable(x.config().staticEntries(), x.config().ageing());
        yield List.of(new VxlanDecapHandler(x.config(), table, clock, observer),
            new VxlanEncapHandler(x.config(), table, clock, observer));
      }
      case DeviceSpec.Gre g -> List.of(new GreDecapHandler(g.config(), observer), new GreEncapHandler(g.config(), observer));
      case DeviceSpec.Segment s -> List.of(BridgeHandler.plainSwitch(new InterfaceRef(s.name(), InterfaceName.of("switch")),
          s.ports(), new ForwardingDatabase(Duration.ofSeconds(300)), clock, observer));
      case DeviceSpec.External e -> List.of(new ExternalNetworkHandler(e.port(), e.segment(), e.mac(), e.outside(), observer));
    };
  }
}
