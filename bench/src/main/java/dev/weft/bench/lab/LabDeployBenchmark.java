package dev.weft.bench.lab;

import dev.weft.lab.LabName;
import dev.weft.lab.LabSelector;
import dev.weft.lab.Labs;
import dev.weft.lab.deploy.DeployOptions;
import dev.weft.lab.deploy.DeployResult;
import dev.weft.lab.deploy.DestroyResult;
import dev.weft.model.NetworkModel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Deploy and destroy of the 3-host, 60-pod lab ({@link BenchLab}), one lab per invocation, single shot:
 * {@code deploy} times a deploy of a fresh lab (the destroy after it is not timed), {@code redeploy} a
 * second deploy that finds nothing to change (the read-back and comparison alone), {@code destroy} the
 * removal of a deployed lab.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class LabDeployBenchmark {
  private Labs labs;
  private NetworkModel model;
  private LabName lab;

  @Setup(Level.Trial)
  public void open() {
    labs = BenchLab.labs();
    model = BenchLab.model();
  }

  @TearDown(Level.Trial)
  public void close() {
    labs.close();
  }

  /** A fresh lab name, deployed already for {@code destroy} and {@code redeploy}. */
  @Setup(Level.Invocation)
  public void prepare(org.openjdk.jmh.infra.BenchmarkParams params) {
    lab = BenchLab.freshName();
    if (!params.getBenchmark().endsWith(".deploy")) {
      labs.deploy(model, DeployOptions.defaults().withLab(lab));
    }
  }

  @TearDown(Level.Invocation)
  public void cleanUp() {
    try {
      labs.destroy(new LabSelector.ByName(lab));
    } catch (RuntimeException alreadyGone) {
      // destroy() already removed it
    }
  }

  @Benchmark
  public DeployResult deploy() {
    return labs.deploy(model, DeployOptions.defaults().withLab(lab));
  }

  @Benchmark
  public DeployResult redeploy() {
    DeployResult r = labs.deploy(model, DeployOptions.defaults().withLab(lab));
    if (r.changed()) {
      throw new IllegalStateException("a second deploy changed " + r.changes());
    }
    return r;
  }

  @Benchmark
  public DestroyResult destroy() {
    return labs.destroy(new LabSelector.ByName(lab));
  }
}
