package dev.weft.topology.parse;

import static dev.weft.topology.parse.TopologyParser.each;

import dev.weft.document.DocNode;
import dev.weft.document.DocNode.DocMap;
import dev.weft.document.DocNode.DocScalar;
import dev.weft.document.Element;
import dev.weft.document.Located;
import dev.weft.document.MapReader;
import dev.weft.model.InterfaceKind;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import dev.weft.model.value.Vni;
import dev.weft.topology.spec.OverlaySpec;
import dev.weft.topology.spec.OverlaySpec.MemberSpec;
import dev.weft.topology.spec.OverlaySpec.VxlanMode;
import java.util.List;
import java.util.Optional;

/** Reads an overlay; the keys it allows depend on its {@code type}. */
final class OverlayParser {
  static final long MAX_GRE_KEY = 0xffff_ffffL;

  Optional<OverlaySpec> overlay(Element e) {
    Optional<MapReader> r = e.map(keysFor(e.node()));
    if (r.isEmpty()) {
      return Optional.empty();
    }
    MapReader m = r.get();
    Optional<Located<Name>> name = m.requireLocated("name", Name::of, "the overlay's name");
    Optional<String> type = m.requireValue("type", Values::overlayType, "vxlan or gre");
    Optional<Located<Mtu>> mtu = m.located("mtu", Mtu::parse);
    List<MemberSpec> members = each(m.list("members"), x -> x.map(Keys.MEMBER).flatMap(this::member));
    if (!m.has("members")) {
      m.require("members", "a list of {host, bridge} members");
    }
    if (name.isEmpty() || type.isEmpty()) {
      return Optional.empty();
    }
    if (type.get().equals("gre")) {
      Optional<Located<Long>> key = m.get("key").flatMap(k -> k.located(x -> x.integer(0L, MAX_GRE_KEY)));
      return Optional.of(new OverlaySpec.Gre(name.get(), key, mtu, members, m.origin()));
    }
    Optional<Located<Vni>> vni = m.requireLocated("vni", Vni::parse, "a VNI from 0 to " + Vni.MAX);
    int port = m.integer("port", 1, 65535).orElse(InterfaceKind.Vxlan.IANA_PORT);
    boolean learning = m.bool("learning", false);
    Located<VxlanMode> mode = m.located("mode", Values::vxlanMode).orElse(new Located<>(VxlanMode.L2, m.origin()));
    Optional<Located<InterfaceName>> device = m.located("device", InterfaceName::of);
    return vni.map(v -> new OverlaySpec.Vxlan(name.get(), v, port, learning, mode, device, mtu, members, m.origin()));
  }

  /** Peeks at {@code type} so that keys of the other type are reported as unknown. */
  private static String[] keysFor(DocNode node) {
    if (node instanceof DocMap map && map.get("type").orElse(null) instanceof DocScalar type) {
      return switch (type.text()) {
        case "vxlan" -> Keys.VXLAN;
        case "gre" -> Keys.GRE;
        default -> Keys.ANY_OVERLAY;
      };
    }
    return Keys.ANY_OVERLAY;
  }

  private Optional<MemberSpec> member(MapReader m) {
    Optional<Located<Name>> host = m.requireLocated("host", Name::of, "the name of a host");
    Optional<Located<InterfaceName>> bridge = m.requireLocated("bridge", InterfaceName::of, "a bridge of that host");
    Optional<Located<InterfaceName>> uplink = m.located("uplink", InterfaceName::of);
    if (host.isEmpty() || bridge.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new MemberSpec(host.get(), bridge.get(), uplink, m.origin()));
  }
}
