package dev.weft.bench.sim;

import dev.weft.model.NetworkModel;
import dev.weft.model.value.Name;
import dev.weft.sim.Endpoint;
import dev.weft.sim.Protocol;
import dev.weft.sim.Simulator;
import dev.weft.sim.Target;
import dev.weft.sim.Trace;
import dev.weft.sim.TraceRequest;
import dev.weft.sim.run.PcapSink;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Traced packets per second across a cross-host VXLAN path (pod on host1 to pod on host2 of a flannel
 * cluster: veth, bridge, routing, VXLAN encap, underlay, decap, routing, bridge, veth).
 * {@code warmFlowCache} cycles through 1,024 distinct flows (source ports) whose traces are cached;
 * {@code coldByteLevelTrace} runs the whole byte-level simulation every time, as a cache miss does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TraceThroughputBenchmark extends SimBenchmark {
  private static final int FLOWS = 1024;

  private Simulator simulator;
  private final TraceRequest[] requests = new TraceRequest[FLOWS];
  private int next;

  @Setup
  public void setUp() {
    NetworkModel model = ClusterModels.flannel(2, 2);
    simulator = Simulator.of(model);
    for (int i = 0; i < FLOWS; i++) {
      requests[i] = new TraceRequest(Endpoint.of(Name.of(ClusterModels.pod(1, 1))), Target.parse(ClusterModels.pod(2, 1)),
          Protocol.TCP, 30000 + i, 80, 100, true);
      Trace t = simulator.trace(requests[i]);
      if (!t.disposition().delivered()) {
        throw new IllegalStateException("benchmark path is broken: " + t.disposition());
      }
    }
  }

  @Benchmark
  public Trace warmFlowCache() {
    return simulator.trace(requests[next++ & (FLOWS - 1)]);
  }

  @Benchmark
  public Trace coldByteLevelTrace() {
    return simulator.trace(requests[next++ & (FLOWS - 1)], PcapSink.NONE);
  }
}
