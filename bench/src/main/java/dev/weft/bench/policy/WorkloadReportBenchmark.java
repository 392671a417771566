package dev.weft.bench.policy;

import dev.weft.policy.analysis.ConnectivityEngine;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.verify.ConnectivityLister;
import dev.weft.policy.verify.Granularity;
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

/**
 * {@code weft verify list} at workload level, end to end: classes, rows, expansion to named, sorted
 * workload pairs. Output-bound: the generated clusters' web tiers admit every pod, so the report grows with
 * workloads squared (about 0.3 million entries at 10,000 pods, 27 million at 100,000); the 100,000-pod size
 * is left out by default (run it with {@code -p size=100000:10000} and 8 GB of heap).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "-Xss4m"})
public class WorkloadReportBenchmark {
  @Param({"10000:1000"})
  public String size;

  Cluster cluster;

  @Setup(Level.Trial)
  public void setup() {
    String[] p = size.split(":");
    cluster = ClusterGenerator.sized(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
  }

  @Benchmark
  public int workloadReport() {
    return new ConnectivityLister(ConnectivityEngine.build(cluster)).list(Granularity.WORKLOAD).connections().size();
  }
}
