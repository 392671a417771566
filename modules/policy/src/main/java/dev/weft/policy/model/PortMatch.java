package dev.weft.policy.model;

import dev.weft.model.value.PortRange;
import java.util.Optional;

/**
 * What one entry of a rule's {@code ports} matches. One algebra for NetworkPolicy and the admin tiers: the
 * semantics, the class engine and the iptables compiler all interpret it.
 */
public sealed interface PortMatch {
  /** The lowest and highest port a policy can name; port 0 is not real traffic. */
  int MIN_PORT = 1;

  int MAX_PORT = 65535;

  /** Every protocol and port (a rule without {@code ports}, or ANP's {@code allPorts}). */
  record AnyPort() implements PortMatch {
    @Override
    public String toString() {
      return "any";
    }
  }

  /** A protocol with a port range; a port entry with only a protocol gets the whole range. */
  record ProtocolPorts(Protocol protocol, PortRange range) implements PortMatch {
    public ProtocolPorts {
      if (range.first() < MIN_PORT) {
        throw new IllegalArgumentException("ports start at " + MIN_PORT + ": " + range);
      }
    }

    public static ProtocolPorts allOf(Protocol protocol) {
      return new ProtocolPorts(protocol, new PortRange(MIN_PORT, MAX_PORT));
    }

    public static ProtocolPorts single(Protocol protocol, int port) {
      return new ProtocolPorts(protocol, PortRange.single(port));
    }

    @Override
    public String toString() {
      boolean all = range.first() == MIN_PORT && range.last() == MAX_PORT;
      return protocol + (all ? "" : "/" + range);
    }
  }

  /**
   * A container port name, resolved on the destination pod. NetworkPolicy names a protocol too (default
   * TCP) and both must match; ANP's namedPort has none and matches the named port's own protocol.
   */
  record NamedPort(String name, Optional<Protocol> protocol) implements PortMatch {
    @Override
    public String toString() {
      return protocol.map(p -> p + "/").orElse("") + name;
    }
  }
}
