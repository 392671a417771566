package dev.weft.topology.spec;

import dev.weft.document.Located;
import dev.weft.document.Origin;
import dev.weft.model.SegmentKind;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import java.util.List;
import java.util.Optional;

/** A whole topology file, as written. */
public record TopologySpec(
    Located<Name> name, UnderlaySpec underlay, List<NetworkSpec> networks, List<HostSpec> hosts,
    List<OverlaySpec> overlays, Origin origin) {

  /** The name of the implicit segment that joins hosts' short-form uplinks. */
  public static final Name UNDERLAY = Name.of("underlay");

  public TopologySpec {
    networks = List.copyOf(networks);
    hosts = List.copyOf(hosts);
    overlays = List.copyOf(overlays);
  }

  /**
   * The implicit underlay segment.
   *
   * @param declared whether the file has an {@code underlay:} key (otherwise the segment exists only
   *     when a host uses it)
   */
  public record UnderlaySpec(Located<Mtu> mtu, Optional<Located<Cidr>> subnet, boolean declared, Origin origin) {}

  /** An extra segment: another underlay subnet, or an external network that leaves the topology. */
  public record NetworkSpec(
      Located<Name> name, SegmentKind kind, Optional<Located<Cidr>> subnet, Located<Mtu> mtu, Origin origin) {}
}
