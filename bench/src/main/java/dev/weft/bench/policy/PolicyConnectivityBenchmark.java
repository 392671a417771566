package dev.weft.bench.policy;

import dev.weft.policy.analysis.ConnectivityEngine;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.semantics.Endpoint;
import dev.weft.policy.semantics.PolicySemantics;
import java.util.List;
import java.util.Random;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * All-pairs connectivity on generated clusters ({@link ClusterGenerator#sized}).
 *
 * <ul>
 *   <li>{@code classEngine}: build the equivalence classes and rows, then enumerate every allowed class pair
 *       (the all-pairs result; expansion to names is output).
 *   <li>{@code naivePairs}: the naive evaluator on {@value #SAMPLE} random pod pairs; multiply by
 *       {@code pods² / SAMPLE} for the all-pairs baseline (see {@link NaiveBaseline} for the printed ratio).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "-Xss4m"})
public class PolicyConnectivityBenchmark {
  static final int SAMPLE = 20_000;

  /** pods:policies */
  @Param({"10000:1000", "100000:10000"})
  public String size;

  Cluster cluster;
  List<Endpoint[]> sample;

  @Setup(Level.Trial)
  public void setup() {
    String[] p = size.split(":");
    cluster = ClusterGenerator.sized(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
    sample = NaiveBaseline.samplePairs(cluster, SAMPLE, new Random(7));
  }

  @Benchmark
  public long classEngine() {
    ConnectivityEngine e = ConnectivityEngine.build(cluster);
    long[] n = new long[1];
    e.forEachAllowed(new ConnectivityEngine.AllowedSink() {
      @Override
      public void pair(int s, int d, dev.weft.policy.ports.PortSet ports) {
        n[0]++;
      }

      @Override
      public void block(java.util.BitSet sources, int d, dev.weft.policy.ports.PortSet ports) {
        n[0] += sources.cardinality();
      }
    });
    return n[0];
  }

  @Benchmark
  public void naivePairs(Blackhole bh) {
    PolicySemantics sem = new PolicySemantics(cluster);
    for (Endpoint[] pair : sample) {
      bh.consume(sem.allowedPorts(pair[0], pair[1]));
    }
  }
}
