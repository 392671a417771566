package dev.weft.linux.link;

import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Vni;
import java.util.Optional;

/** A link to create. One record per kernel link kind. */
public sealed interface LinkSpec {
  InterfaceName name();

  LinkOptions options();

  /** The IFLA_INFO_KIND string ("tun" for a tap, which is made through /dev/net/tun instead). */
  String kind();

  /** A veth pair; {@code peer} may live in another namespace. */
  record Veth(InterfaceName name, VethPeer peer, LinkOptions options) implements LinkSpec {
    public String kind() {
      return "veth";
    }
  }

  record Bridge(InterfaceName name, LinkOptions options) implements LinkSpec {
    public String kind() {
      return "bridge";
    }
  }

  /**
   * A VXLAN device. {@code remote} is a unicast peer or a multicast group (a group needs an {@code
   * underlay}); leave it empty for a flannel-style device whose peers come from FDB entries. {@code
   * port} is the UDP destination port: set 4789 explicitly, since Linux defaults to 8472.
   */
  record Vxlan(InterfaceName name, Vni vni, Optional<IpAddress> local, Optional<IpAddress> remote, int port,
      boolean learning, Optional<InterfaceName> underlay, LinkOptions options) implements LinkSpec {
    public Vxlan {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("vxlan port " + port + " is not in 1..65535");
      }
    }

    /** IANA port 4789, learning off, no remote and no underlay. */
    public static Vxlan of(InterfaceName name, Vni vni) {
      return new Vxlan(name, vni, Optional.empty(), Optional.empty(), 4789, false, Optional.empty(), LinkOptions.DEFAULTS);
    }

    public Vxlan withLocal(IpAddress value) {
      return new Vxlan(name, vni, Optional.of(value), remote, port, learning, underlay, options);
    }

    public Vxlan withRemote(IpAddress value) {
      return new Vxlan(name, vni, local, Optional.of(value), port, learning, underlay, options);
    }

    public Vxlan withPort(int value) {
      return new Vxlan(name, vni, local, remote, value, learning, underlay, options);
    }

    public Vxlan withLearning(boolean value) {
      return new Vxlan(name, vni, local, remote, port, value, underlay, options);
    }

    public Vxlan withUnderlay(InterfaceName value) {
      return new Vxlan(name, vni, local, remote, port, learning, Optional.of(value), options);
    }

    public Vxlan withOptions(LinkOptions value) {
      return new Vxlan(name, vni, local, remote, port, learning, underlay, value);
    }

    public String kind() {
      return "vxlan";
    }
  }

  record Macvlan(InterfaceName name, InterfaceName parent, MacvlanMode mode, LinkOptions options) implements LinkSpec {
    public String kind() {
      return "macvlan";
    }
  }

  /** A persistent tap (IFF_TAP | IFF_NO_PI), like {@code ip tuntap add mode tap}. */
  record Tap(InterfaceName name, LinkOptions options) implements LinkSpec {
    public String kind() {
      return "tun";
    }
  }

  /** A GRE, gretap or IPIP tunnel. */
  record IpTunnel(InterfaceName name, TunnelKind tunnel, IpAddress local, IpAddress remote, LinkOptions options)
      implements LinkSpec {
    public String kind() {
      return tunnel.kind();
    }
  }

  /** A Geneve device (RFC 8926). */
  record Geneve(InterfaceName name, Vni vni, IpAddress remote, LinkOptions options) implements LinkSpec {
    public String kind() {
      return "geneve";
    }
  }
}
