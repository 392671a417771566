package dev.weft.topology.spec;

import dev.weft.document.Located;
import dev.weft.document.Origin;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import dev.weft.model.value.Vni;
import java.util.List;
import java.util.Optional;

/** A tunnel overlay joining bridges on several hosts. */
public sealed interface OverlaySpec {

  Located<Name> name();

  List<MemberSpec> members();

  Optional<Located<Mtu>> mtu();

  Origin origin();

  /** How a vxlan overlay joins its members' bridges. */
  enum VxlanMode {
    /** The vxlan device is a port of each member's bridge: one L2 domain across hosts. */
    L2,
    /**
     * Flannel-style: the device has the member subnet's {@code .0/32}, and routes, neighbour and FDB
     * entries lead to the other members' subnets; each member's bridge is its own subnet.
     */
    L3
  }

  /** @param device the vxlan device's name; {@code vxlan<VNI>} when absent */
  record Vxlan(
      Located<Name> name, Located<Vni> vni, int port, boolean learning, Located<VxlanMode> mode,
      Optional<Located<InterfaceName>> device, Optional<Located<Mtu>> mtu, List<MemberSpec> members, Origin origin)
      implements OverlaySpec {
    public Vxlan {
      members = List.copyOf(members);
    }
  }

  /**
   * Gretap (Ethernet over GRE) devices, one per pair of members, each a port of the member's bridge. The
   * device towards peer P is named {@code gre-P}, cut to 15 bytes.
   */
  record Gre(
      Located<Name> name, Optional<Located<Long>> key, Optional<Located<Mtu>> mtu, List<MemberSpec> members,
      Origin origin) implements OverlaySpec {
    public Gre {
      members = List.copyOf(members);
    }
  }

  /**
   * One host's part in an overlay.
   *
   * @param uplink the uplink whose address is the tunnel's local end; by default the host's first uplink
   *     on an underlay network
   */
  record MemberSpec(Located<Name> host, Located<InterfaceName> bridge, Optional<Located<InterfaceName>> uplink,
      Origin origin) {}
}
