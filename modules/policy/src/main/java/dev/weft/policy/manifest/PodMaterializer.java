package dev.weft.policy.manifest;

import dev.weft.document.Diagnostics;
import dev.weft.policy.model.ClusterBuilder;
import dev.weft.policy.model.PodId;
import dev.weft.policy.model.WorkloadId;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns declared pods and workloads into pods. A workload whose pods are in the input as Pod objects (found
 * through ownerReferences; a ReplicaSet {@code NAME-HASH} maps to the Deployment {@code NAME}) keeps those;
 * otherwise it gets {@code replicas} pods with its template's labels and ports: a StatefulSet's are named
 * {@code NAME-0}, {@code NAME-1}, …, the others' {@code NAME-xxxxx} with a suffix hashed from the workload
 * and index (stable across runs). A DaemonSet gets one pod: weft does not know the nodes.
 */
final class PodMaterializer {
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private final ObjectSink sink;
  private final Diagnostics diags;

  PodMaterializer(ObjectSink sink, Diagnostics diags) {
    this.sink = sink;
    this.diags = diags;
  }

  void addTo(ClusterBuilder b) {
    Set<String> withRealPods = new HashSet<>();
    for (ObjectSink.PodDecl p : sink.pods) {
      WorkloadId w = owner(p);
      withRealPods.add(w.kind() + "/" + w.qualifiedName());
      b.pod(new PodId(p.namespace(), p.name()), p.template().labels(), p.template().ports(), p.ip(), p.template().hostNetwork(), w);
      if (p.template().hostNetwork()) {
        diags.warning(ManifestProblem.UNSUPPORTED, p.origin(), "hostNetwork pod " + p.namespace() + "/" + p.name()
            + ": NetworkPolicy does not define what applies to it, so its connections are reported as undetermined", "a pod network pod");
      }
    }
    for (ObjectSink.WorkloadDecl w : sink.workloads) {
      if (withRealPods.contains(w.kind() + "/" + w.namespace() + "/" + w.name())) {
        continue;
      }
      if (w.replicas() == 0) {
        diags.warning(ManifestProblem.ASSUMED, w.origin(), w.kind() + " " + w.namespace() + "/" + w.name() + " has 0 replicas: no pods, so it is in no connection", "replicas >= 1");
      }
      if (w.template().hostNetwork()) {
        diags.warning(ManifestProblem.UNSUPPORTED, w.origin(), w.kind() + " " + w.namespace() + "/" + w.name()
            + " uses hostNetwork: its connections are reported as undetermined", "a pod network workload");
      }
      WorkloadId id = new WorkloadId(w.kind(), w.namespace(), w.name());
      for (int i = 0; i < w.replicas(); i++) {
        String name = w.kind().equals("StatefulSet") ? w.name() + "-" + i : w.name() + "-" + suffix(w.kind() + "/" + w.namespace() + "/" + w.name() + "#" + i);
        b.pod(new PodId(w.namespace(), name), w.template().labels(), w.template().ports(), Optional.empty(), w.template().hostNetwork(), id);
      }
    }
  }

  private WorkloadId owner(ObjectSink.PodDecl p) {
    if (p.ownerKind().isEmpty() || p.ownerName().isEmpty()) {
      return new WorkloadId("Pod", p.namespace(), p.name());
    }
    String kind = p.ownerKind().get();
    String name = p.ownerName().get();
    if (kind.equals("ReplicaSet")) {
      List<ObjectSink.WorkloadDecl> deployments = sink.workloads.stream()
          .filter(w -> w.kind().equals("Deployment") && w.namespace().equals(p.namespace()) && name.startsWith(w.name() + "-")).toList();
      if (!deployments.isEmpty()) {
        return new WorkloadId("Deployment", p.namespace(), deployments.getFirst().name());
      }
      int dash = name.lastIndexOf('-');
      if (dash > 0 && p.template().labels().get("pod-template-hash").map(h -> name.endsWith("-" + h)).orElse(false)) {
        return new WorkloadId("Deployment", p.namespace(), name.substring(0, dash));
      }
    }
    return new WorkloadId(kind, p.namespace(), name);
  }

  static String suffix(String key) {
    long h = 0xcbf29ce484222325L;
    for (byte x : key.getBytes(StandardCharsets.UTF_8)) {
      h ^= x & 0xff;
      h *= 0x100000001b3L;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      sb.append(ALPHABET.charAt((int) Long.remainderUnsigned(h, ALPHABET.length())));
      h = Long.divideUnsigned(h, ALPHABET.length());
    }
    return sb.toString();
  }
}
