package dev.weft.bench.policy;

import dev.weft.policy.analysis.ConnectivityEngine;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.LabelSelector;
import dev.weft.policy.model.NetworkPolicy;
import dev.weft.policy.model.Peer;
import dev.weft.policy.model.PolicyRule;
import dev.weft.policy.model.PortMatch;
import dev.weft.policy.model.Protocol;
import java.util.List;
import java.util.Optional;
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
 * One incremental policy update on a built engine: each invocation replaces one app's ingress policy with
 * the other of two versions (a new peer selector and port, so classes and port atoms may split the first
 * time), the way an operator edits one policy.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "-Xss4m"})
public class PolicyUpdateBenchmark {
  @Param({"10000:1000", "100000:10000"})
  public String size;

  ConnectivityEngine engine;
  NetworkPolicy a;
  NetworkPolicy b;
  boolean flip;

  @Setup(Level.Trial)
  public void setup() {
    String[] p = size.split(":");
    Cluster cluster = ClusterGenerator.sized(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
    engine = ConnectivityEngine.build(cluster);
    NetworkPolicy original = cluster.policies().stream().filter(x -> x.name().equals("allow-app-4")).findFirst().orElseThrow();
    a = original;
    b = new NetworkPolicy(original.namespace(), original.name(), original.podSelector(), Optional.empty(),
        List.of(new PolicyRule(List.of(Peer.SelectorPeer.pods(LabelSelector.of("tier", "db")), Peer.SelectorPeer.pods(LabelSelector.of("app", "app-7"))),
            List.of(PortMatch.ProtocolPorts.single(Protocol.TCP, 8443)))),
        List.of());
  }

  @Benchmark
  public ConnectivityEngine.UpdateStats update() {
    flip = !flip;
    return engine.upsert(flip ? b : a);
  }
}
