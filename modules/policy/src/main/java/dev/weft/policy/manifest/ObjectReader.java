package dev.weft.policy.manifest;

import dev.weft.document.Element;
import dev.weft.document.MapReader;
import dev.weft.model.value.IpAddress;
import dev.weft.policy.model.KubeNamespace;
import dev.weft.policy.model.Labels;
import dev.weft.policy.model.Protocol;
import dev.weft.policy.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Dispatches one Kubernetes object by kind into an {@link ObjectSink}. */
final class ObjectReader {
  static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob");

  private final ObjectSink sink;

  ObjectReader(ObjectSink sink) {
    this.sink = sink;
  }

  void read(Element doc) {
    if (doc.isNull()) {
      return;
    }
    Optional<MapReader> obj = doc.openMap();
    if (obj.isEmpty()) {
      return;
    }
    MapReader m = obj.get();
    Optional<String> kind = m.string("kind");
    if (kind.isEmpty() || !m.has("apiVersion")) {
      doc.diagnostics().warning(ManifestProblem.NOT_AN_OBJECT, doc.origin(), "not a Kubernetes object: skipped", "apiVersion and kind");
      return;
    }
    String k = kind.get();
    if (k.endsWith("List") && m.has("items")) {
      m.list("items").forEach(this::read);
      return;
    }
    MapReader meta = m.get("metadata").flatMap(Element::openMap).orElse(null);
    if (meta == null) {
      doc.error(ManifestProblem.NOT_AN_OBJECT, k + " without metadata", "metadata.name");
      return;
    }
    Optional<String> name = meta.requireString("name");
    if (name.isEmpty()) {
      return;
    }
    String ns = meta.string("namespace", "default");
    switch (k) {
      case "Namespace" -> sink.namespaces.add(new KubeNamespace(name.get(), Selectors.labels(meta.get("labels"))));
      case "Pod" -> pod(m, meta, ns, name.get(), doc);
      case "Service" -> service(m, ns, name.get(), doc);
      case "NetworkPolicy" -> {
        sink.used(ns, doc.origin());
        apiVersion(m, "networking.k8s.io/v1", doc);
        m.map("spec", "podSelector", "policyTypes", "ingress", "egress")
            .flatMap(spec -> NetworkPolicyReader.read(ns, name.get(), spec)).ifPresent(sink.policies::add);
      }
      case "AdminNetworkPolicy", "BaselineAdminNetworkPolicy" -> {
        boolean baseline = k.startsWith("Baseline");
        apiVersion(m, "policy.networking.k8s.io/v1alpha1", doc);
        String[] keys = baseline ? new String[] {"subject", "ingress", "egress"} : new String[] {"priority", "subject", "ingress", "egress"};
        m.require("spec", "the policy spec").flatMap(s -> s.map(keys))
            .flatMap(spec -> AdminPolicyReader.read(name.get(), spec, baseline, doc)).ifPresent(sink.admins::add);
      }
      default -> {
        if (WORKLOADS.contains(k)) {
          workload(k, m, ns, name.get(), doc);
        } else {
          sink.ignoredFirst.putIfAbsent(k, doc.origin());
          sink.ignoredCount.merge(k, 1, Integer::sum);
        }
      }
    }
  }

  private static void apiVersion(MapReader m, String expected, Element doc) {
    m.string("apiVersion").filter(v -> !v.equals(expected)).ifPresent(v -> doc.diagnostics().warning(
        ManifestProblem.UNSUPPORTED, doc.origin(), "apiVersion " + v + " read as " + expected, expected));
  }

  private void pod(MapReader m, MapReader meta, String ns, String name, Element doc) {
    sink.used(ns, doc.origin());
    Optional<IpAddress> ip = m.get("status").flatMap(Element::openMap).flatMap(s -> s.value("podIP", IpAddress::parse));
    Optional<String> ownerKind = Optional.empty();
    Optional<String> ownerName = Optional.empty();
    List<Element> owners = meta.list("ownerReferences");
    for (Element o : owners) {
      Optional<MapReader> om = o.openMap();
      if (om.isPresent() && om.get().bool("controller", true)) {
        ownerKind = om.get().string("kind");
        ownerName = om.get().string("name");
        break;
      }
    }
    sink.pods.add(new ObjectSink.PodDecl(ns, name, PodTemplate.read(m), ip, ownerKind, ownerName, doc.origin()));
  }

  private void workload(String kind, MapReader m, String ns, String name, Element doc) {
    sink.used(ns, doc.origin());
    Optional<MapReader> spec = m.get("spec").flatMap(Element::openMap);
    if (spec.isEmpty()) {
      doc.error(ManifestProblem.NOT_AN_OBJECT, kind + " without spec", "spec.template");
      return;
    }
    MapReader s = spec.get();
    int replicas = 1;
    if (kind.equals("CronJob")) {
      Optional<MapReader> job = s.get("jobTemplate").flatMap(Element::openMap).flatMap(j -> j.get("spec").flatMap(Element::openMap));
      if (job.isEmpty()) {
        doc.error(ManifestProblem.NOT_AN_OBJECT, "CronJob without spec.jobTemplate.spec", "spec.jobTemplate.spec.template");
        return;
      }
      s = job.get();
      replicas = s.integer("parallelism", 0, 100_000).orElse(1);
    } else if (kind.equals("Job")) {
      replicas = s.integer("parallelism", 0, 100_000).orElse(1);
    } else if (!kind.equals("DaemonSet")) {
      replicas = s.integer("replicas", 0, 100_000).orElse(1);
    }
    Optional<MapReader> template = s.get("template").flatMap(Element::openMap);
    if (template.isEmpty()) {
      doc.error(ManifestProblem.NOT_AN_OBJECT, kind + " without a pod template", "spec.template");
      return;
    }
    sink.workloads.add(new ObjectSink.WorkloadDecl(kind, ns, name, replicas, PodTemplate.read(template.get()), doc.origin()));
  }

  private void service(MapReader m, String ns, String name, Element doc) {
    sink.used(ns, doc.origin());
    Optional<MapReader> spec = m.get("spec").flatMap(Element::openMap);
    Labels selector = spec.map(s -> Selectors.labels(s.get("selector"))).orElse(Labels.EMPTY);
    List<Service.ServicePort> ports = new ArrayList<>();
    spec.ifPresent(s -> s.list("ports").forEach(p -> p.openMap().ifPresent(pm -> {
      Optional<Integer> port = pm.integer("port", 1, 65535);
      Optional<Protocol> proto = PortReader.protocol(pm, "protocol");
      String target = pm.get("targetPort").map(t -> t.node() instanceof dev.weft.document.DocNode.DocScalar sc ? sc.text() : "").orElse(port.map(String::valueOf).orElse(""));
      port.ifPresent(n -> proto.ifPresent(pr -> ports.add(new Service.ServicePort(pm.string("name"), pr, n, target))));
    })));
    sink.services.add(new Service(ns, name, selector, ports));
  }
}
