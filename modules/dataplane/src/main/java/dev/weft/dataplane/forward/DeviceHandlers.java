package dev.weft.dataplane.forward;

import dev.weft.engine.event.ForwardingObserver;
import dev.weft.engine.hook.NetfilterHooks;
import dev.weft.engine.l2.BridgeHandler;
import dev.weft.engine.l2.BridgePort;
import dev.weft.engine.l2.ForwardingDatabase;
import dev.weft.engine.l2.VethHandler;
import dev.weft.engine.l3.StackPipeline;
import dev.weft.engine.tunnel.GreDecapHandler;
import dev.weft.engine.tunnel.GreEncapHandler;
import dev.weft.engine.tunnel.VxlanDecapHandler;
import dev.weft.engine.tunnel.VxlanEncapHandler;
import dev.weft.engine.tunnel.VxlanForwardingTable;
import dev.weft.sim.fabric.DeviceSpec;
import io.netty.channel.ChannelHandler;
import java.time.InstantSource;
import java.util.List;

/**
 * The handlers of each kind of device, built as the simulator builds them. Segments and the outside
 * world are not on any host, so a host's dataplane never has one.
 */
final class DeviceHandlers {
  private DeviceHandlers() {}

  static List<ChannelHandler> of(DeviceSpec spec, InstantSource clock, ForwardingObserver observer, NetfilterHooks hooks) {
    return switch (spec) {
      case DeviceSpec.Stack s -> StackPipeline.handlers(s.index(), hooks.forNamespace(s.config().namespace()), clock, observer);
      case DeviceSpec.Bridge b -> List.of(new BridgeHandler(new BridgePort(b.bridge(), b.mtu(), false), b.mac(), b.ports(),
          new ForwardingDatabase(b.ageing()), clock, observer));
      case DeviceSpec.Veth v -> List.of(new VethHandler(v.a(), v.mtuA(), v.b(), v.mtuB(), observer));
      case DeviceSpec.Vxlan x -> {
        VxlanForwardingTable table = new VxlanForwardingTable(x.config().staticEntries(), x.config().ageing());
        yield List.of(new VxlanDecapHandler(x.config(), table, clock, observer),
            new VxlanEncapHandler(x.config(), table, clock, observer));
      }
      case DeviceSpec.Gre g -> List.of(new GreDecapHandler(g.config(), observer), new GreEncapHandler(g.config(), observer));
      case DeviceSpec.Segment s -> throw new IllegalArgumentException("segment " + s.name() + " is on no host");
      case DeviceSpec.External e -> throw new IllegalArgumentException("external network " + e.segment() + " is on no host");
    };
  }
}
