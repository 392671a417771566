package dev.weft.policy.e2e;

import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.ClusterBuilder;
import dev.weft.policy.model.ContainerPort;
import dev.weft.policy.model.Labels;
import dev.weft.policy.model.NetworkPolicy;
import dev.weft.policy.model.Pod;
import dev.weft.policy.model.PodId;
import dev.weft.policy.model.Protocol;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster of the upstream e2e netpol suite, in our own words: namespaces x, y, z (label {@code ns=NAME}),
 * pods a, b, c in each (label {@code pod=NAME}), every pod serving 80 and 81 over TCP, UDP and SCTP with
 * container ports named {@code serve-PORT-PROTO}.
 */
public final class E2eCluster {
  public static final List<String> NAMESPACES = List.of("x", "y", "z");
  public static final List<String> PODS = List.of("a", "b", "c");

  private E2eCluster() {}

  public static ClusterBuilder builder() {
    ClusterBuilder b = new ClusterBuilder();
    for (String ns : NAMESPACES) {
      b.namespace(ns, Labels.of("ns", ns));
      for (String pod : PODS) {
        List<ContainerPort> ports = new ArrayList<>();
        for (int port : new int[] {80, 81}) {
          for (Protocol p : Protocol.values()) {
            ports.add(ContainerPort.named("serve-" + port + "-" + p.iptablesName(), port, p));
          }
        }
        b.pod(ns, pod, Labels.of("pod", pod), ports.toArray(ContainerPort[]::new));
      }
    }
    return b;
  }

  public static Cluster with(NetworkPolicy... policies) {
    ClusterBuilder b = builder();
    for (NetworkPolicy p : policies) {
      b.policy(p);
    }
    return b.build();
  }

  public static Pod pod(Cluster c, String nsSlashName) {
    String[] parts = nsSlashName.split("/");
    return c.pod(new PodId(parts[0], parts[1])).orElseThrow();
  }
}
