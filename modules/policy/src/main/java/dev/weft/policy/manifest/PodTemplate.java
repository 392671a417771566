package dev.weft.policy.manifest;

import dev.weft.document.Element;
import dev.weft.document.MapReader;
import dev.weft.policy.model.ContainerPort;
import dev.weft.policy.model.Labels;
import dev.weft.policy.model.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a pod (or a workload's pod template) contributes: labels, container ports, hostNetwork. */
record PodTemplate(Labels labels, List<ContainerPort> ports, boolean hostNetwork) {
  PodTemplate {
    ports = List.copyOf(ports);
  }

  /** Reads {@code metadata.labels} and {@code spec} of a pod or pod template (unknown fields are fine here). */
  static PodTemplate read(MapReader podOrTemplate) {
    Labels labels = podOrTemplate.get("metadata").flatMap(Element::openMap).map(m -> Selectors.labels(m.get("labels"))).orElse(Labels.EMPTY);
    Optional<MapReader> spec = podOrTemplate.get("spec").flatMap(Element::openMap);
    List<ContainerPort> ports = new ArrayList<>();
    boolean host = false;
    if (spec.isPresent()) {
      host = spec.get().bool("hostNetwork", false);
      for (Element c : spec.get().list("containers")) {
        c.openMap().ifPresent(cm -> cm.list("ports").forEach(p -> p.openMap().ifPresent(pm -> port(pm).ifPresent(ports::add))));
      }
    }
    return new PodTemplate(labels, ports, host);
  }

  private static Optional<ContainerPort> port(MapReader pm) {
    Optional<Integer> number = pm.integer("containerPort", 1, 65535);
    Optional<Protocol> proto = PortReader.protocol(pm, "protocol");
    Optional<String> name = pm.string("name");
    return number.flatMap(n -> proto.map(p -> new ContainerPort(name, n, p)));
  }
}
