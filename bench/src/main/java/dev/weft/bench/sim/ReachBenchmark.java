package dev.weft.bench.sim;

import dev.weft.model.NetworkModel;
import dev.weft.model.value.Name;
import dev.weft.sim.Protocol;
import dev.weft.sim.Simulator;
import dev.weft.sim.reach.ReachMatrix;
import dev.weft.sim.reach.ReachRequest;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code weft sim reach} at scale, on flannel clusters (see {@link ClusterModels}):
 * one source pod to every namespace of 1,000 hosts x 100 pods (101,000 destinations), and all pairs of
 * 1,000 pods (10 hosts x 100 pods, 1,000,000 cells). "cold" builds a new simulator for every
 * measurement, so every memoised hop decision is computed afresh; "warm" reuses one, as a session that
 * asks again would. The model itself is built once per trial and not timed.
 */
@BenchmarkMode(Mode.SingleShotTime)
public class ReachBenchmark extends SimBenchmark {

  @State(Scope.Benchmark)
  public static class OneToAll {
    @Param({"1000"})
    public int hosts;

    @Param({"100"})
    public int pods;

    NetworkModel model;
    Simulator cold;
    Simulator warm;
    ReachRequest request;

    @Setup(Level.Trial)
    public void model() {
      model = ClusterModels.flannel(hosts, pods);
      warm = Simulator.of(model);
      request = new ReachRequest(List.of(Name.of(ClusterModels.pod(1, 1))), List.of(), Protocol.TCP, 80);
      check(warm.reach(request), (long) hosts * pods + hosts);
    }

    @Setup(Level.Iteration)
    public void freshSimulator() {
      cold = Simulator.of(model);
    }
  }

  @State(Scope.Benchmark)
  public static class AllPairs {
    NetworkModel model;
    Simulator cold;
    Simulator warm;
    ReachRequest request;

    @Setup(Level.Trial)
    public void model() {
      model = ClusterModels.flannel(10, 100);
      List<Name> pods = ClusterModels.pods(10, 100);
      request = new ReachRequest(pods, pods, Protocol.TCP, 80);
      warm = Simulator.of(model);
      check(warm.reach(request), 1_000_000L);
    }

    @Setup(Level.Iteration)
    public void freshSimulator() {
      cold = Simulator.of(model);
    }
  }

  static void check(ReachMatrix m, long expected) {
    if (m.reachableCount() != expected) {
      throw new IllegalStateException("expected " + expected + " reachable cells, got " + m.reachableCount());
    }
  }

  @Benchmark
  public ReachMatrix oneToAllCold(OneToAll s) {
    return s.cold.reach(s.request);
  }

  @Benchmark
  public ReachMatrix oneToAllWarm(OneToAll s) {
    return s.warm.reach(s.request);
  }

  @Benchmark
  public ReachMatrix allPairs1000Cold(AllPairs s) {
    return s.cold.reach(s.request);
  }

  @Benchmark
  public ReachMatrix allPairs1000Warm(AllPairs s) {
    return s.warm.reach(s.request);
  }
}
