package dev.weft.topology.parse;

import dev.weft.document.Diagnostics;
import dev.weft.document.DocNode;
import dev.weft.document.Element;
import dev.weft.document.Located;
import dev.weft.document.MapReader;
import dev.weft.model.SegmentKind;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import dev.weft.topology.spec.HostSpec;
import dev.weft.topology.spec.OverlaySpec;
import dev.weft.topology.spec.TopologySpec;
import dev.weft.topology.spec.TopologySpec.NetworkSpec;
import dev.weft.topology.spec.TopologySpec.UnderlaySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads one topology document into a {@link TopologySpec}. Every value is checked on its own here and
 * each mistake reported; an object whose name is unusable is left out (its name is what others refer
 * to it by), while other bad fields fall back to defaults so that reading, and reporting, go on.
 */
public final class TopologyParser {
  private final HostParser hosts = new HostParser();
  private final OverlayParser overlays = new OverlayParser();

  /** The spec, or empty when the document is not a map with a usable name. */
  public Optional<TopologySpec> parse(DocNode document, Diagnostics diagnostics) {
    Optional<MapReader> root = Element.root(document, diagnostics).map(Keys.TOPOLOGY);
    if (root.isEmpty()) {
      return Optional.empty();
    }
    MapReader m = root.get();
    Optional<Located<Name>> name = m.requireLocated("name", Name::of, "the topology's name, like lab-1");
    UnderlaySpec underlay = underlay(m);
    List<NetworkSpec> networks = each(m.list("networks"), e -> e.map(Keys.NETWORK).flatMap(this::network));
    if (!m.has("hosts")) {
      m.require("hosts", "a list of hosts");
    }
    List<HostSpec> hostSpecs = each(m.list("hosts"), e -> e.map(Keys.HOST).flatMap(hosts::host));
    List<OverlaySpec> overlaySpecs = each(m.list("overlays"), overlays::overlay);
    return name.map(n -> new TopologySpec(n, underlay, networks, hostSpecs, overlaySpecs, m.origin()));
  }

  private UnderlaySpec underlay(MapReader top) {
    Optional<MapReader> u = top.map("underlay", Keys.UNDERLAY);
    if (u.isEmpty()) {
      return new UnderlaySpec(new Located<>(Mtu.ETHERNET, top.origin()), Optional.empty(), top.has("underlay"),
          top.origin());
    }
    MapReader m = u.get();
    Located<Mtu> mtu = m.located("mtu", Mtu::parse).orElse(new Located<>(Mtu.ETHERNET, m.origin()));
    return new UnderlaySpec(mtu, m.located("subnet", Cidr::parse), true, m.origin());
  }

  private Optional<NetworkSpec> network(MapReader m) {
    Optional<Located<Name>> name = m.requireLocated("name", Name::of, "the network's name");
    SegmentKind kind = m.value("kind", Values::networkKind).orElse(SegmentKind.UNDERLAY);
    Optional<Located<Cidr>> subnet = m.located("subnet", Cidr::parse);
    Located<Mtu> mtu = m.located("mtu", Mtu::parse).orElse(new Located<>(Mtu.ETHERNET, m.origin()));
    return name.map(n -> new NetworkSpec(n, kind, subnet, mtu, m.origin()));
  }

  /** Reads each element, keeping those that parse. */
  static <T> List<T> each(List<Element> elements, Function<Element, Optional<T>> read) {
    List<T> out = new ArrayList<>(elements.size());
    for (Element e : elements) {
      read.apply(e).ifPresent(out::add);
    }
    return out;
  }
}
