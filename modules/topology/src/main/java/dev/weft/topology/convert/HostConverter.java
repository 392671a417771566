package dev.weft.topology.convert;

import dev.weft.document.Located;
import dev.weft.document.Origin;
import dev.weft.model.Interface;
import dev.weft.model.InterfaceKind;
import dev.weft.model.InterfaceRef;
import dev.weft.model.Namespace;
import dev.weft.model.NamespaceRole;
import dev.weft.model.NetworkMode;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import dev.weft.topology.TopologyProblem;
import dev.weft.topology.spec.HostSpec;
import dev.weft.topology.spec.HostSpec.BridgeSpec;
import dev.weft.topology.spec.HostSpec.UplinkSpec;
import dev.weft.topology.spec.NamespaceSpec;
import dev.weft.topology.spec.NamespaceSpec.InterfaceSpec;
import dev.weft.model.netfilter.Ruleset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts what a host declares explicitly: its root namespace with loopback, uplinks and bridges, and
 * its container namespaces with their interfaces. Every address written here is reserved in the pool
 * before any pod is given one.
 */
final class HostConverter {
  private final Draft draft;
  private final Networks networks;
  private final AddressPool pool;
  private final ChainsConverter chains = new ChainsConverter();

  HostConverter(Draft draft, Networks networks, AddressPool pool) {
    this.draft = draft;
    this.networks = networks;
    this.pool = pool;
  }

  /** Returns false when the host's name clashes (its contents are then skipped). */
  boolean convert(HostSpec host) {
    Name name = host.name().value();
    if (!draft.addHost(name, host.ipForward(), host.name().origin())) {
      return false;
    }
    draft.addInterface(Devices.loopback(name), host.origin(), List.of());
    host.uplinks().forEach(u -> uplink(name, u));
    host.bridges().forEach(b -> bridge(name, b));
    host.namespaces().forEach(ns -> namespace(name, ns));
    rules(name, host);
    return true;
  }

  /** The host's and its containers' {@code chains:}, with the bridges' ipMasq added to the host's nat table. */
  private void rules(Name host, HostSpec spec) {
    Map<Name, Ruleset> sets = new LinkedHashMap<>();
    spec.chains().flatMap(c -> chains.convert(c, draft.diagnostics())).ifPresent(r -> sets.put(host, r));
    for (NamespaceSpec ns : spec.namespaces()) {
      if (ns.chains().isPresent() && ns.mode().value() == NetworkMode.HOST) {
        draft.diagnostics().error(TopologyProblem.MODE_CONFLICT, ns.chains().get().origin(),
            "a host-mode container shares its host's stack and has no rules of its own",
            "the rules under the host's chains:, or another mode");
        continue;
      }
      ns.chains().flatMap(c -> chains.convert(c, draft.diagnostics())).ifPresent(r -> sets.put(ns.name().value(), r));
    }
    List<IpMasqRules.Masqueraded> masq = new ArrayList<>();
    for (BridgeSpec b : spec.bridges()) {
      if (!b.ipMasq().value() || b.gateway().isEmpty()) {
        continue;
      }
      InterfaceAddress gw = b.gateway().get().value();
      if (gw.address().isIpv4()) {
        masq.add(new IpMasqRules.Masqueraded(b.name().value(), List.of(gw.subnet())));
      } else {
        draft.diagnostics().warning(TopologyProblem.UNSUPPORTED_FAMILY, b.ipMasq().origin(),
            "ipMasq masquerades IPv4 only: rule sets are iptables (IPv4), so " + gw.subnet() + " is not masqueraded",
            "an IPv4 gateway, or ipMasq: false");
      }
    }
    if (!masq.isEmpty()) {
      Ruleset base = sets.getOrDefault(host, Ruleset.empty());
      Optional<Ruleset> withMasq = IpMasqRules.addTo(base, masq);
      if (withMasq.isEmpty()) {
        draft.diagnostics().error(TopologyProblem.DUPLICATE_NAME, spec.chains().orElseThrow().origin(),
            "the host's chains define a chain named " + IpMasqRules.CHAIN_PREFIX + "… that ipMasq needs",
            "other chain names (" + IpMasqRules.CHAIN_PREFIX + "* belongs to weft's ipMasq)");
      }
      withMasq.ifPresent(r -> sets.put(host, r));
    }
    sets.forEach(draft::ruleset);
  }

  private void uplink(Name host, UplinkSpec u) {
    Optional<Mtu> networkMtu = networks.plug(u.network(), u.address(), draft);
    InterfaceRef ref = new InterfaceRef(host, u.name().value());
    Mtu mtu = u.mtu().map(Located::value).or(() -> networkMtu).orElse(Mtu.ETHERNET);
    if (addInterface(ref, new InterfaceKind.Physical(), mac(ref, u.mac()), mtu, u.address().stream().toList(), u.origin())
        && networkMtu.isPresent()) {
      draft.attach(ref, u.network().value());
    }
  }

  private void bridge(Name host, BridgeSpec b) {
    if (b.ipMasq().value() && b.gateway().isEmpty()) {
      draft.diagnostics().error(TopologyProblem.INVALID_WIRING, b.ipMasq().origin(),
          "ipMasq masquerades the bridge's subnet, but bridge " + b.name().value() + " has no gateway",
          "a gateway address (its subnet is what gets masqueraded), or ipMasq: false");
    }
    InterfaceRef ref = new InterfaceRef(host, b.name().value());
    addInterface(ref, new InterfaceKind.Bridge(b.fdbAgeing(), b.ipMasq().value()), mac(ref, b.mac()),
        b.mtu().map(Located::value).orElse(Mtu.ETHERNET), b.gateway().stream().toList(), b.origin());
  }

  private void namespace(Name host, NamespaceSpec ns) {
    NetworkMode mode = ns.mode().value();
    Name name = ns.name().value();
    if (!draft.addNamespace(new Namespace(name, host, NamespaceRole.CONTAINER, mode, ns.ipForward()), ns.name().origin())) {
      return;
    }
    if (mode == NetworkMode.HOST || mode == NetworkMode.NONE) {
      String why = mode == NetworkMode.HOST ? "shares its host's network stack" : "has only a loopback interface";
      ns.interfaces().stream().findFirst().ifPresent(i -> draft.diagnostics().error(TopologyProblem.MODE_CONFLICT,
          i.origin(), "namespace " + name + " has mode " + mode.keyword() + ", which " + why + ", but declares interfaces",
          "no interfaces, or mode bridge or overlay"));
      ns.routes().stream().findFirst().ifPresent(r -> draft.diagnostics().error(TopologyProblem.MODE_CONFLICT,
          r.origin(), "namespace " + name + " has mode " + mode.keyword() + ", which " + why + ", but declares routes",
          "no routes, or mode bridge or overlay"));
      if (mode == NetworkMode.HOST) {
        return; // a host-mode container has no interfaces at all, not even lo
      }
      draft.addInterface(Devices.loopback(name), ns.origin(), List.of());
      return;
    }
    draft.addInterface(Devices.loopback(name), ns.origin(), List.of());
    for (InterfaceSpec i : ns.interfaces()) {
      InterfaceRef ref = new InterfaceRef(name, i.name().value());
      addInterface(ref, new InterfaceKind.Veth(false), mac(ref, i.mac()),
          i.mtu().map(Located::value).orElse(Mtu.ETHERNET), i.addresses(), i.origin());
    }
  }

  private Mac mac(InterfaceRef ref, Optional<Located<Mac>> chosen) {
    return Devices.mac(draft.topology(), ref, chosen.map(Located::value));
  }

  private boolean addInterface(InterfaceRef ref, InterfaceKind kind, Mac mac, Mtu mtu,
      List<Located<InterfaceAddress>> addresses, Origin origin) {
    addresses.forEach(a -> pool.reserve(a.value().address()));
    return draft.addInterface(new Interface(ref, kind, mac, mtu, addresses.stream().map(Located::value).toList(), true),
        origin, addresses.stream().map(Located::origin).toList());
  }
}
