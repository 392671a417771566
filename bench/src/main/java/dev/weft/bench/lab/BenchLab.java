package dev.weft.bench.lab;

import dev.weft.lab.LabName;
import dev.weft.lab.Labs;
import dev.weft.lab.deploy.Privileges;
import dev.weft.lab.record.LabRecords;
import dev.weft.linux.LinuxDriver;
import dev.weft.model.NetworkModel;
import dev.weft.topology.TopologyLoad;
import dev.weft.topology.TopologyLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The lab the benchmarks use: three hosts on one underlay, 20 pods on each host's bridge, joined by a
 * flannel-style L3 VXLAN overlay (63 stacks and a segment, 64 namespaces; 3,969 pairs per protocol).
 */
final class BenchLab {
  static final int HOSTS = 3;
  static final int PODS_PER_HOST = 20;

  private BenchLab() {}

  static String yaml() {
    StringBuilder y = new StringBuilder("name: bench-60-pods\nunderlay: {mtu: 1500, subnet: 192.168.200.0/24}\nhosts:\n");
    for (int h = 1; h <= HOSTS; h++) {
      y.append("  - name: node").append(h).append("\n    underlay: 192.168.200.").append(h).append("/24\n")
          .append("    bridges: [{name: cni0, gateway: 10.200.").append(h).append(".1/24, mtu: 1450}]\n")
          .append("    pods: [{name: pod").append(h).append(", count: ").append(PODS_PER_HOST)
          .append(", bridge: cni0, mode: overlay}]\n");
    }
    y.append("overlays:\n  - name: pods\n    type: vxlan\n    mode: l3\n    vni: 1\n    port: 8472\n    members:\n");
    for (int h = 1; h <= HOSTS; h++) {
      y.append("      - {host: node").append(h).append(", bridge: cni0}\n");
    }
    return y.toString();
  }

  static NetworkModel model() {
    return switch (new TopologyLoader().load("bench-60-pods.yaml", yaml())) {
      case TopologyLoad.Loaded l -> l.model();
      case TopologyLoad.Invalid i -> throw new IllegalStateException("bench topology invalid: " + i.diagnostics());
    };
  }

  /** Labs with a scratch record directory; refuses to run without root. */
  static Labs labs() {
    if (!Privileges.ofThisProcess().sufficient()) {
      throw new IllegalStateException("the lab benchmarks need root: they create network namespaces");
    }
    try {
      return new Labs(LinuxDriver.open(), new LabRecords(Files.createTempDirectory("weft-bench-labs")),
          Privileges.ofThisProcess(), new TopologyLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A fresh lab name ({@code wtb} + base 36), whose namespaces are also removed when the JVM exits: JMH skips
   * tear-down methods when a benchmark throws.
   */
  static LabName freshName() {
    LabName lab = LabName.of("wtb" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 25), 36));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> removeNamespaces(lab)));
    return lab;
  }

  /** Deletes {@code LAB-*} under /run/netns with iproute2, the last resort of a failed run. */
  private static void removeNamespaces(LabName lab) {
    try (var files = Files.list(java.nio.file.Path.of("/run/netns"))) {
      for (String n : files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(lab.value() + "-")).toList()) {
        new ProcessBuilder("ip", "netns", "del", n).inheritIO().start().waitFor();
      }
    } catch (IOException | InterruptedException e) {
      System.err.println("could not clean up lab " + lab + ": " + e);
    }
  }
}
