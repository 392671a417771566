package dev.weft.bench.model;

import dev.weft.model.NetworkModel;
import dev.weft.topology.TopologyLoad;
import dev.weft.topology.TopologyLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building the model of a 1,000-host x 100-pod cluster (101,000 namespaces). Target: under 3 s with at
 * most 2 GiB of heap, hence {@code -Xmx2g} on the fork: the run itself proves the memory bound.
 *
 * <ul>
 *   <li>{@code fromYaml}: YAML text -> located tree -> topology spec -> validated model (what {@code weft}
 *       does with a file);
 *   <li>{@code builderOnly}: the same model through {@link dev.weft.model.NetworkModelBuilder} alone.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Xms2g"})
public class ModelBuildBenchmark {
  /** hosts:podsPerHost */
  @Param({"1000:100"})
  public String size;

  private String yaml;
  private int hosts;
  private int pods;

  @Setup
  public void setup() {
    String[] p = size.split(":");
    hosts = Integer.parseInt(p[0]);
    pods = Integer.parseInt(p[1]);
    yaml = GeneratedTopologyYaml.bridgeCluster(hosts, pods);
  }

  @Benchmark
  public NetworkModel fromYaml() {
    return switch (new TopologyLoader().load("bench.yaml", yaml)) {
      case TopologyLoad.Loaded loaded -> loaded.model();
      case TopologyLoad.Invalid invalid -> throw new IllegalStateException(invalid.diagnostics().getFirst().format());
    };
  }

  @Benchmark
  public NetworkModel builderOnly() {
    return GeneratedModels.bridgeCluster(hosts, pods);
  }
}
