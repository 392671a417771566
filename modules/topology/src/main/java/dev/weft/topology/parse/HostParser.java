package dev.weft.topology.parse;

import static dev.weft.topology.parse.TopologyParser.each;

import dev.weft.document.DocumentProblem;
import dev.weft.document.Element;
import dev.weft.document.Located;
import dev.weft.document.MapReader;
import dev.weft.model.NetworkMode;
import dev.weft.model.InterfaceKind;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import dev.weft.topology.TopologyProblem;
import dev.weft.topology.spec.ChainsSpec;
import dev.weft.topology.spec.HostSpec;
import dev.weft.topology.spec.HostSpec.BridgeSpec;
import dev.weft.topology.spec.HostSpec.Endpoint;
import dev.weft.topology.spec.HostSpec.PodGroupSpec;
import dev.weft.topology.spec.HostSpec.UplinkSpec;
import dev.weft.topology.spec.HostSpec.VethSpec;
import dev.weft.topology.spec.TopologySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a host entry: uplinks (long and short form), bridges, namespaces, veths and pod groups. */
final class HostParser {
  /** More pods than this on one line is a typo rather than a plan. */
  static final int MAX_PODS = 100_000;
  private static final InterfaceName ETH0 = InterfaceName.of("eth0");

  private final NamespaceParser namespaces = new NamespaceParser();

  Optional<HostSpec> host(MapReader m) {
    Optional<Located<Name>> name = m.requireLocated("name", Name::of, "the host's name");
    List<UplinkSpec> uplinks = new ArrayList<>();
    m.get("underlay").ifPresent(e -> e.located(x -> x.value(InterfaceAddress::parse)).ifPresent(address ->
        uplinks.add(new UplinkSpec(new Located<>(ETH0, address.origin()), new Located<>(TopologySpec.UNDERLAY,
            address.origin()), Optional.of(address), Optional.empty(), Optional.empty(), address.origin()))));
    uplinks.addAll(each(m.list("uplinks"), e -> e.map(Keys.UPLINK).flatMap(this::uplink)));
    boolean ipForward = m.bool("ipForward", true);
    Optional<ChainsSpec> chains = m.get("chains").flatMap(new ChainsParser()::chains);
    return name.map(n -> new HostSpec(n, ipForward, uplinks, each(m.list("routes"), namespaces::route), chains,
        each(m.list("bridges"), e -> e.map(Keys.BRIDGE).flatMap(this::bridge)),
        each(m.list("namespaces"), e -> e.map(Keys.NAMESPACE).flatMap(namespaces::namespace)),
        each(m.list("veths"), e -> e.map(Keys.VETH).flatMap(this::veth)),
        each(m.list("pods"), e -> e.map(Keys.PODS).flatMap(this::pods)), m.origin()));
  }

  private Optional<UplinkSpec> uplink(MapReader m) {
    Optional<Located<InterfaceName>> name = m.requireLocated("name", InterfaceName::of, "the interface name, like eth1");
    Optional<Located<Name>> network = m.requireLocated("network", Name::of, "the name of a network or 'underlay'");
    Optional<Located<InterfaceAddress>> address = m.located("address", InterfaceAddress::parse);
    Optional<Located<Mtu>> mtu = m.located("mtu", Mtu::parse);
    var mac = m.located("mac", Values::unicastMac);
    if (name.isEmpty() || network.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new UplinkSpec(name.get(), network.get(), address, mtu, mac, m.origin()));
  }

  private Optional<BridgeSpec> bridge(MapReader m) {
    Optional<Located<InterfaceName>> name = m.requireLocated("name", InterfaceName::of, "the bridge's name, like br0");
    Optional<Located<InterfaceAddress>> gateway = m.located("gateway", InterfaceAddress::parse);
    Located<Boolean> ipMasq = m.get("ipMasq").flatMap(e -> e.located(Element::bool))
        .orElse(new Located<>(false, m.origin()));
    Optional<Located<Mtu>> mtu = m.located("mtu", Mtu::parse);
    Duration ageing = m.integer("fdbAgeing", 0, 1_000_000).map(s -> Duration.ofSeconds(s))
        .orElse(InterfaceKind.Bridge.DEFAULT_AGEING);
    var mac = m.located("mac", Values::unicastMac);
    return name.map(n -> new BridgeSpec(n, gateway, ipMasq, mtu, ageing, mac, m.origin()));
  }

  private Optional<VethSpec> veth(MapReader m) {
    Optional<Element> list = m.require("endpoints", "two endpoints, like [\"pod1:eth0\", \"br0\"]");
    Optional<List<Element>> items = list.flatMap(Element::list);
    if (items.isEmpty()) {
      return Optional.empty();
    }
    if (items.get().size() != 2) {
      list.get().error(DocumentProblem.INVALID_VALUE, "a veth has two ends, got " + items.get().size(),
          "two endpoints, like [\"pod1:eth0\", \"br0\"]");
      return Optional.empty();
    }
    List<Located<Endpoint>> ends = each(items.get(), e -> e.located(x -> x.value(Values::endpoint)));
    return ends.size() == 2 ? Optional.of(new VethSpec(ends, m.origin())) : Optional.empty();
  }

  private Optional<PodGroupSpec> pods(MapReader m) {
    Optional<Located<Name>> name = m.requireLocated("name", Name::of, "the pods' name prefix, like web");
    Optional<Located<Integer>> count = m.require("count", "the number of pods").flatMap(e -> e.located(
        x -> x.integer(1, MAX_PODS)));
    Optional<Located<InterfaceName>> bridge = m.requireLocated("bridge", InterfaceName::of, "the bridge of this host");
    Optional<Located<NetworkMode>> mode = m.requireLocated("mode", Values::mode, "bridge or overlay");
    mode.filter(md -> md.value() == NetworkMode.HOST || md.value() == NetworkMode.NONE).ifPresent(md ->
        m.diagnostics().error(TopologyProblem.MODE_CONFLICT, md.origin(),
            "pods on a bridge cannot have mode " + md.value().keyword(), "bridge or overlay"));
    mode = mode.filter(md -> md.value() == NetworkMode.BRIDGE || md.value() == NetworkMode.OVERLAY);
    Optional<Located<Mtu>> mtu = m.located("mtu", Mtu::parse);
    if (name.isEmpty() || count.isEmpty() || bridge.isEmpty() || mode.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new PodGroupSpec(name.get(), count.get(), bridge.get(), mode.get(), mtu, m.origin()));
  }
}
