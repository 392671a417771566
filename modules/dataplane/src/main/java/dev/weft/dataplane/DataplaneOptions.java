package dev.weft.dataplane;

import dev.weft.dataplane.plan.NamespaceMapping;
import dev.weft.dataplane.plan.PlanOptions;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * How to run a host's dataplane.
 *
 * @param namespaces which kernel namespaces play the host and its pods
 * @param plan ports the model leaves open (VXLAN override, GRE-in-UDP port)
 * @param metricsPort the loopback port of {@code /metrics}; empty for none, 0 for any free port
 * @param offloads TAPs with virtio-net headers and TCP segmentation offload (large segments move in one read or write)
 * @param neighborTimeout how long the host stack waits for an ARP/NDP answer before dropping what waits for it
 * @param tunnelSegmentation with offloads, VXLAN batches leave whole for the host's kernel to cut where the kernel
 *     can take them (GSO over UDP tunnels, Linux 6.17 on, and no reverse-path filter in the host namespace);
 *     elsewhere, and without this, they are cut into datagrams in userspace
 */
public record DataplaneOptions(NamespaceMapping namespaces, PlanOptions plan, OptionalInt metricsPort, boolean offloads,
    Duration neighborTimeout, boolean tunnelSegmentation) {

  public DataplaneOptions {
    metricsPort.ifPresent(p -> {
      if (p < 0 || p > 65535) {
        throw new IllegalArgumentException("metrics port must be 0..65535, was " + p);
      }
    });
    if (neighborTimeout.isNegative() || neighborTimeout.isZero()) {
      throw new IllegalArgumentException("neighbour timeout must be positive, was " + neighborTimeout);
    }
  }

  /**
   * On the host itself, default ports, no metrics endpoint, offloads off (tunnel segmentation on when they
   * are turned on), 3 s ARP timeout (the kernel's 3 probes at 1 s).
   */
  public static DataplaneOptions defaults() {
    return new DataplaneOptions(NamespaceMapping.onHost(), PlanOptions.DEFAULTS, OptionalInt.empty(), false, Duration.ofSeconds(3),
        true);
  }

  public DataplaneOptions withNamespaces(NamespaceMapping value) {
    return new DataplaneOptions(value, plan, metricsPort, offloads, neighborTimeout, tunnelSegmentation);
  }

  public DataplaneOptions withPlan(PlanOptions value) {
    return new DataplaneOptions(namespaces, value, metricsPort, offloads, neighborTimeout, tunnelSegmentation);
  }

  public DataplaneOptions withMetricsPort(int value) {
    return new DataplaneOptions(namespaces, plan, OptionalInt.of(value), offloads, neighborTimeout, tunnelSegmentation);
  }

  public DataplaneOptions withOffloads(boolean value) {
    return new DataplaneOptions(namespaces, plan, metricsPort, value, neighborTimeout, tunnelSegmentation);
  }

  public DataplaneOptions withTunnelSegmentation(boolean value) {
    return new DataplaneOptions(namespaces, plan, metricsPort, offloads, neighborTimeout, value);
  }
}
