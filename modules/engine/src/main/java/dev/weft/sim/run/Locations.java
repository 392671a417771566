package dev.weft.sim.run;

import dev.weft.model.value.Name;
import dev.weft.sim.Location;
import dev.weft.sim.fabric.DeviceSpec;
import java.util.Optional;

/** Where each kind of device is, for trace steps. */
final class Locations {
  private Locations() {}

  static Location of(DeviceSpec spec) {
    Optional<String> host = spec.host().map(Name::toString);
    return switch (spec) {
      case DeviceSpec.Stack s -> new Location(host, Optional.of(s.config().namespace().value()), s.config().namespace().value(), "stack");
      case DeviceSpec.Bridge b -> new Location(host, Optional.of(b.bridge().namespace().value()), b.bridge().name().value(), "bridge");
      case DeviceSpec.Veth v -> new Location(Optional.empty(), Optional.empty(), v.a() + " <-> " + v.b(), "veth");
      case DeviceSpec.Vxlan x -> new Location(host, Optional.of(x.config().device().namespace().value()),
          x.config().device().name().value(), "vxlan");
      case DeviceSpec.Gre g -> new Location(host, Optional.of(g.config().device().namespace().value()),
          g.config().device().name().value(), "gre");
      case DeviceSpec.Segment s -> new Location(Optional.empty(), Optional.empty(), "segment " + s.name(), "segment");
      case DeviceSpec.External e -> new Location(Optional.empty(), Optional.empty(), "outside via " + e.segment(), "external");
    };
  }
}
