package dev.weft.bench.netfilter;

import dev.weft.model.netfilter.Hook;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.netfilter.Table;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.IpAddress;
import dev.weft.netfilter.eval.HostFacts;
import dev.weft.netfilter.eval.Packet;
import dev.weft.netfilter.eval.PacketContext;
import dev.weft.netfilter.eval.RulesetEvaluator;
import dev.weft.netfilter.eval.TableResult;
import dev.weft.netfilter.pipeline.Conntrack;
import dev.weft.netfilter.pipeline.HookResult;
import dev.weft.netfilter.pipeline.NetfilterPipeline;
import dev.weft.netfilter.pipeline.PacketPath;
import dev.weft.netfilter.pipeline.TrackedPacket;
import dev.weft.netfilter.save.IptablesSaveException;
import dev.weft.netfilter.save.IptablesSaveParser;
import java.util.List;
import java.util.Map;
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
 * The cost of asking "what happens to this packet" on a kube-proxy node with {@code services} services
 * of three endpoints: the filter table alone (the call a verifier makes per equivalence class), the nat
 * table for a ClusterIP packet (a linear walk of KUBE-SERVICES plus the statistic forks), a whole
 * forwarded path through the pipeline, and parsing the dump.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChainEvaluationBenchmark {
  @Param({"100", "1000"})
  public int services;

  private String dump;
  private RulesetEvaluator evaluator;
  private PacketContext toLastService;
  private PacketContext toPod;

  @Setup(Level.Trial)
  public void setUp() throws IptablesSaveException {
    dump = KubeProxyDump.generate(services, 3);
    Ruleset rules = new IptablesSaveParser().parse("generated", dump).ruleset();
    HostFacts node = HostFacts.of(Map.of("eth0", List.of(InterfaceAddress.parse("192.168.0.11/24")),
        "cni0", List.of(InterfaceAddress.parse("10.244.0.1/24"))));
    evaluator = new RulesetEvaluator(rules, node);
    IpAddress client = IpAddress.parse("10.244.0.5");
    toLastService = PacketContext.of(Packet.tcp(client, 40000, IpAddress.parse(KubeProxyDump.vip(services - 1)), 80))
        .withIn("cni0");
    toPod = PacketContext.of(Packet.tcp(client, 40000, IpAddress.parse(KubeProxyDump.endpoint(services - 1, 0)), 8080))
        .withIn("cni0").withOut("cni0");
  }

  @Benchmark
  public TableResult filterForward() {
    return evaluator.evaluate(Table.FILTER, Hook.FORWARD, toPod);
  }

  @Benchmark
  public TableResult natPreroutingToTheLastService() {
    return evaluator.evaluate(Table.NAT, Hook.PREROUTING, toLastService);
  }

  @Benchmark
  public HookResult forwardedPathToTheLastService() {
    return new NetfilterPipeline(evaluator, new Conntrack(), false)
        .traverse(PacketPath.FORWARD, TrackedPacket.fresh(toLastService.withOut("cni0")), false);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Ruleset parseDump() throws IptablesSaveException {
    return new IptablesSaveParser().parse("generated", dump).ruleset();
  }
}
