package dev.weft.lab.plan;

import dev.weft.lab.LabName;
import dev.weft.lab.kernel.LinkKind;
import dev.weft.linux.netns.NetnsName;
import dev.weft.model.value.Name;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kernel state a lab should have: its namespaces in creation order (segments first, then hosts, then
 * containers) with everything each holds, the warnings about what the kernel will reproduce only in part,
 * and the blockers: what it cannot be given at all, which stop a deploy before it starts.
 */
public record LabPlan(LabName lab, Name topology, List<PlannedNamespace> namespaces, List<String> warnings,
    List<String> blockers) {
  public LabPlan {
    namespaces = List.copyOf(namespaces);
    warnings = List.copyOf(warnings);
    blockers = List.copyOf(blockers);
  }

  public Map<NetnsName, PlannedNamespace> byName() {
    Map<NetnsName, PlannedNamespace> m = new LinkedHashMap<>();
    namespaces.forEach(n -> m.put(n.name(), n));
    return m;
  }

  public Optional<PlannedNamespace> namespace(NetnsName name) {
    return namespaces.stream().filter(n -> n.name().equals(name)).findFirst();
  }

  /** Every link kind the plan needs, for the kernel-support preflight. */
  public Stream<LinkKind> linkKinds() {
    return namespaces.stream().flatMap(n -> n.state().links().values().stream()).map(l -> l.kind());
  }
}
