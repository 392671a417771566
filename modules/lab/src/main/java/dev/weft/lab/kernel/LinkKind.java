package dev.weft.lab.kernel;

import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Vni;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a link is, with the settings that can only be chosen when it is created (changing one means
 * deleting and re-creating the link). A desired veth names its peer; an observed one does not, since
 * the kernel reports the peer by an index in another namespace.
 */
public sealed interface LinkKind {
  /** The IFLA_INFO_KIND-like word for messages. */
  String keyword();

  /**
   * Whether an observed link can stand for this desired one without being re-created. Only creation-time
   * settings count; MTU, MAC, master and state are compared separately.
   */
  default boolean satisfiedBy(LinkKind observed) {
    return equals(observed);
  }

  record Loopback() implements LinkKind {
    public String keyword() {
      return "loopback";
    }
  }

  /**
   * A veth end. Desired: {@code peer} names the far end. Observed: {@code peer} is empty and {@code
   * peerIndex} is the far end's ifindex in whichever namespace it is ({@code peerElsewhere}), which is
   * all the kernel says without a netns-id lookup.
   */
  record Veth(Optional<LinkEnd> peer, OptionalInt peerIndex, boolean peerElsewhere) implements LinkKind {
    public static Veth to(LinkEnd peer) {
      return new Veth(Optional.of(peer), OptionalInt.empty(), false);
    }

    public static Veth observed(OptionalInt peerIndex, boolean peerElsewhere) {
      return new Veth(Optional.empty(), peerIndex, peerElsewhere);
    }

    public String keyword() {
      return "veth";
    }

    @Override
    public boolean satisfiedBy(LinkKind observed) {
      return observed instanceof Veth;
    }
  }

  record Bridge() implements LinkKind {
    public String keyword() {
      return "bridge";
    }
  }

  /** A VXLAN device; {@code underlay} is IFLA_VXLAN_LINK, named in the same namespace. */
  record Vxlan(Vni vni, Optional<IpAddress> local, int port, boolean learning, Optional<InterfaceName> underlay)
      implements LinkKind {
    public String keyword() {
      return "vxlan";
    }
  }

  record Tap() implements LinkKind {
    public String keyword() {
      return "tap";
    }
  }

  /** A GRE or gretap tunnel: the kernel this was written for has no driver for it. */
  record Gre(boolean ethernet, IpAddress local, IpAddress remote, Optional<Long> key) implements LinkKind {
    public String keyword() {
      return ethernet ? "gretap" : "gre";
    }
  }

  /** Any other kind the kernel reports (physical devices, tunnels weft does not create). */
  record Other(String keyword) implements LinkKind {}
}
