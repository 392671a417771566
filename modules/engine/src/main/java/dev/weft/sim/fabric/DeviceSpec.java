package dev.weft.sim.fabric;

import dev.weft.engine.l2.BridgePort;
import dev.weft.engine.l3.StackConfig;
import dev.weft.engine.tunnel.GreConfig;
import dev.weft.engine.tunnel.VxlanConfig;
import dev.weft.model.InterfaceRef;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** What one device is, with everything needed to build its handlers. */
public sealed interface DeviceSpec {
  DeviceId id();

  /** The host the device is on, if any (segments and the outside world are on none). */
  Optional<Name> host();

  record Stack(DeviceId id, Optional<Name> host, StackConfig config, StackConfig.Index index) implements DeviceSpec {
    public Stack(DeviceId id, Optional<Name> host, StackConfig config) {
      this(id, host, config, config.index());
    }
  }

  record Bridge(DeviceId id, Optional<Name> host, InterfaceRef bridge, Mac mac, Mtu mtu, List<BridgePort> ports,
      Duration ageing) implements DeviceSpec {
    public Bridge {
      ports = List.copyOf(ports);
    }
  }

  record Veth(DeviceId id, Optional<Name> host, InterfaceRef a, Mtu mtuA, InterfaceRef b, Mtu mtuB) implements DeviceSpec {}

  record Vxlan(DeviceId id, Optional<Name> host, VxlanConfig config) implements DeviceSpec {}

  record Gre(DeviceId id, Optional<Name> host, GreConfig config) implements DeviceSpec {}

  record Segment(DeviceId id, Optional<Name> host, Name name, List<BridgePort> ports) implements DeviceSpec {
    public Segment {
      ports = List.copyOf(ports);
    }
  }

  /** The world beyond an external segment, answering for every address outside the model. */
  record External(DeviceId id, Optional<Name> host, Name segment, InterfaceRef port, Mac mac, Predicate<IpAddress> outside)
      implements DeviceSpec {}
}
