package dev.weft.bench.lab;

import dev.weft.lab.LabName;
import dev.weft.lab.LabSelector;
import dev.weft.lab.Labs;
import dev.weft.lab.deploy.DeployOptions;
import dev.weft.lab.probe.ProbeMatrix;
import dev.weft.lab.probe.ProbeOptions;
import dev.weft.lab.probe.ProbeReport;
import dev.weft.model.NetworkModel;
import dev.weft.sim.Protocol;
import dev.weft.sim.Simulator;
import dev.weft.sim.reach.ReachMatrix;
import dev.weft.sim.reach.ReachRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulator's reach beside {@code weft probe} on the same deployed 60-pod lab, per protocol: {@code
 * simReach} is what {@code weft sim reach} does (compile the model, answer every pair), {@code probe} is
 * the whole of {@code weft probe} for that protocol (witness and servers up, one real probe per pair, the
 * comparison; no exact re-reading, no tracing since every cell agrees). The ratio of the two scores is the
 * figure in bench/RESULTS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ReachVersusProbeBenchmark {
  @Param({"TCP", "UDP", "ICMP"})
  public Protocol protocol;

  private Labs labs;
  private NetworkModel model;
  private LabName lab;

  @Setup(Level.Trial)
  public void deploy() {
    labs = BenchLab.labs();
    model = BenchLab.model();
    lab = BenchLab.freshName();
    labs.deploy(model, DeployOptions.defaults().withLab(lab));
  }

  @TearDown(Level.Trial)
  public void destroy() {
    try {
      labs.destroy(new LabSelector.ByName(lab));
    } finally {
      labs.close();
    }
  }

  @Benchmark
  @Warmup(iterations = 5)
  @Measurement(iterations = 20)
  public ReachMatrix simReach() {
    return Simulator.of(model).reach(new ReachRequest(List.of(), List.of(), protocol, port()));
  }

  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 5)
  public ProbeReport probe() {
    ProbeReport r = labs.probe(model, ProbeOptions.defaults().withLab(lab).withProtocols(List.of(protocol))
        .withTracing(false));
    if (!r.agrees()) {
      throw new IllegalStateException(r.mismatches().size() + " mismatches: the benchmark lab must agree");
    }
    ProbeMatrix m = r.matrices().getFirst();
    if (m.cells().size() != 63 * 63) {
      throw new IllegalStateException("expected 3,969 cells, got " + m.cells().size());
    }
    return r;
  }

  private int port() {
    return switch (protocol) {
      case TCP -> 80;
      case UDP -> 53;
      case ICMP -> 0;
    };
  }
}
