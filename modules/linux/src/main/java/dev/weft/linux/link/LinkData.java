package dev.weft.linux.link;

import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Vni;
import java.util.Optional;
import java.util.OptionalInt;

/** Kind-specific attributes read back from IFLA_INFO_DATA. */
public sealed interface LinkData {
  /** A kind without decoded data (veth, tap, loopback, physical devices, …). */
  record None() implements LinkData {}

  record VxlanData(Vni vni, Optional<IpAddress> local, Optional<IpAddress> remote, int port, boolean learning,
      OptionalInt underlayIndex) implements LinkData {}

  record MacvlanData(Optional<MacvlanMode> mode) implements LinkData {}

  record BridgeData(int stpState, boolean vlanFiltering) implements LinkData {}

  /** GRE, gretap, ipip: the endpoints the kernel reports. */
  record TunnelData(Optional<IpAddress> local, Optional<IpAddress> remote) implements LinkData {}
}
