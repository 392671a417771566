package dev.weft.policy;

import dev.weft.policy.ports.PortSet;
import dev.weft.policy.semantics.Endpoint;
import java.util.Optional;

/** One engine's answer to "what may flow from this endpoint to that one?", for differential tests. */
public interface Oracle {
  String name();

  Optional<PortSet> allowed(Endpoint source, Endpoint destination);
}
