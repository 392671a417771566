package dev.weft.netfilter.eval;

import dev.weft.model.netfilter.NatRange;
import dev.weft.model.value.PortRange;
import java.util.Optional;

/** The translation a nat-table verdict asks conntrack to set up for the connection. */
public sealed interface NatRequest {
  record Dnat(NatRange to) implements NatRequest {}

  record Snat(NatRange to) implements NatRequest {}

  /** SNAT to the address of the outgoing interface. */
  record Masquerade(Optional<PortRange> ports) implements NatRequest {}
}
