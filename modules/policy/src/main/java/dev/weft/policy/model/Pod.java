package dev.weft.policy.model;

import dev.weft.model.value.IpAddress;
import java.util.List;

/**
 * A pod as the verifier sees it: labels, container ports, its IP (from status.podIP or synthesised from the
 * cluster CIDR, see {@link ClusterBuilder}), whether it uses the host network, and the workload that owns it.
 */
public record Pod(PodId id, Labels labels, List<ContainerPort> ports, IpAddress ip, boolean hostNetwork, WorkloadId workload) {
  public Pod {
    ports = List.copyOf(ports);
  }

  public String namespace() {
    return id.namespace();
  }

  @Override
  public String toString() {
    return id.toString();
  }
}
