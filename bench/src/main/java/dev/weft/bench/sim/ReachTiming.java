package dev.weft.bench.sim;

import dev.weft.model.NetworkModel;
import dev.weft.model.value.Name;
import dev.weft.sim.Protocol;
import dev.weft.sim.Simulator;
import dev.weft.sim.reach.ReachMatrix;
import dev.weft.sim.reach.ReachRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * CPU time (of the calling thread) of the reach benchmarks' questions, for a machine too busy for wall
 * time to mean much. Arguments: hosts, pods per host, rounds, and "all-pairs" to ask all pairs of pods
 * instead of one pod to every namespace. Each round builds a fresh simulator (cold) and asks twice.
 */
public final class ReachTiming {
  private ReachTiming() {}

  public static void main(String[] args) {
    int hosts = Integer.parseInt(args[0]);
    int pods = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    boolean allPairs = args.length > 3 && args[3].equals("all-pairs");
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long t0 = cpu.getCurrentThreadCpuTime();
    NetworkModel model = ClusterModels.flannel(hosts, pods);
    System.out.printf("model: %d namespaces, %d ms CPU%n", model.namespaces().size(), (cpu.getCurrentThreadCpuTime() - t0) / 1_000_000);
    List<Name> all = ClusterModels.pods(hosts, pods);
    ReachRequest request = allPairs
        ? new ReachRequest(all, all, Protocol.TCP, 80)
        : new ReachRequest(List.of(Name.of(ClusterModels.pod(1, 1))), List.of(), Protocol.TCP, 80);
    for (int i = 1; i <= rounds; i++) {
      long a = cpu.getCurrentThreadCpuTime();
      Simulator sim = Simulator.of(model);
      long b = cpu.getCurrentThreadCpuTime();
      ReachMatrix cold = sim.reach(request);
      long c = cpu.getCurrentThreadCpuTime();
      ReachMatrix warm = sim.reach(request);
      long d = cpu.getCurrentThreadCpuTime();
      System.out.printf("round %d: compile %d ms, cold %d ms, warm %d ms CPU; %d of %d cells reachable%n", i,
          (b - a) / 1_000_000, (c - b) / 1_000_000, (d - c) / 1_000_000, warm.reachableCount(),
          (long) warm.sources().size() * warm.destinations().size());
      if (cold.reachableCount() != warm.reachableCount()) {
        throw new IllegalStateException("cold and warm answers differ");
      }
    }
  }
}
