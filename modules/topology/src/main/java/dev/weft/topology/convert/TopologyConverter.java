package dev.weft.topology.convert;

import dev.weft.document.Diagnostics;
import dev.weft.document.Origin;
import dev.weft.model.ModelException;
import dev.weft.model.NetworkModel;
import dev.weft.topology.TopologyProblem;
import dev.weft.topology.spec.HostSpec;
import dev.weft.topology.spec.NamespaceSpec;
import dev.weft.topology.spec.TopologySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Converts a topology spec into the network model.
 *
 * <p>Design: the phases run in dependency order over a {@link Draft}: explicit host parts (so that every
 * written address is reserved), pods, veths, overlays (which add routes of their own), written routes,
 * then the checks that need the whole picture. Each phase reports what it finds and goes on, so one run
 * reports every problem; the model is built only when no error was reported. Invariant: everything the
 * model builder would refuse is reported first, so building never fails on user input (a {@link
 * ModelException} becomes a {@link TopologyProblem#MODEL_INVARIANT} diagnostic, a bug to fix here).
 * Complexity: linear in hosts, namespaces, interfaces and routes, plus O(n log n) for the subnet sweep
 * and the full mesh of each overlay's members.
 */
public final class TopologyConverter {

  private static int expectedNamespaces(TopologySpec spec) {
    long n = 0;
    for (HostSpec h : spec.hosts()) {
      n += 1 + h.namespaces().size() + h.pods().stream().mapToLong(p -> p.count().value()).sum();
    }
    return (int) Math.min(n, 1 << 20); // a hint, not a limit: the tables still grow past it
  }

  /** The model, or empty when errors were reported to {@code diagnostics}. */
  public Optional<NetworkModel> convert(TopologySpec spec, Diagnostics diagnostics) {
    Draft draft = new Draft(spec.name().value(), diagnostics, expectedNamespaces(spec));
    Networks networks = new Networks(spec, draft);
    AddressPool pool = new AddressPool();
    HostConverter hosts = new HostConverter(draft, networks, pool);
    List<HostSpec> converted = new ArrayList<>();
    for (HostSpec h : spec.hosts()) {
      if (hosts.convert(h)) {
        converted.add(h);
      }
    }
    if (spec.hosts().isEmpty() && !diagnostics.hasErrors()) {
      diagnostics.error(TopologyProblem.INVALID_WIRING, spec.origin(), "the topology has no hosts", "at least one host");
    }
    networks.finish(draft);
    PodExpander pods = new PodExpander(draft, pool);
    converted.forEach(pods::expand);
    VethWiring veths = new VethWiring(draft);
    converted.forEach(veths::wire);
    OverlayFacts facts = new OverlayConverter(draft, new MemberResolver(draft, networks)).convert(spec.overlays());
    RouteResolver routes = new RouteResolver(draft);
    for (HostSpec h : converted) {
      routes.resolve(h.name().value(), h.routes());
      for (NamespaceSpec ns : h.namespaces()) {
        if (draft.namespace(ns.name().value()).filter(n -> n.host().equals(h.name().value())).isPresent()) {
          routes.resolve(ns.name().value(), ns.routes());
        }
      }
    }
    new WiringChecks(draft, facts).check(spec);
    new SubnetOverlapCheck(draft, facts, networks).check();
    if (diagnostics.hasErrors()) {
      return Optional.empty();
    }
    try {
      return Optional.of(draft.build());
    } catch (ModelException e) {
      diagnostics.error(TopologyProblem.MODEL_INVARIANT, new Origin(spec.origin().location(), spec.origin().path()),
          "the model refused this topology: " + e.getMessage(), "a topology weft's checks accept (this is a weft bug)");
      return Optional.empty();
    }
  }
}
