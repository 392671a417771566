package dev.weft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.NetworkModel;
import dev.weft.sim.reach.ReachMatrix;
import dev.weft.sim.reach.ReachRequest;
import dev.weft.sim.render.ReachRenderer;
import dev.weft.sim.render.TraceRenderer;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden traces for every example topology and every scenario the issue names, plus the reachability
 * matrix of each example. Each case also states the disposition it must reach, so a regenerated golden
 * file cannot quietly change the verdict.
 */
class GoldenTraceTest {
  record Case(String name, Supplier<NetworkModel> model, String from, String to, Protocol protocol, int size, boolean df,
      String verdict) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Supplier<NetworkModel> yaml(String file) {
    return () -> Examples.load(Examples.repositoryTopologies().resolve(file + ".yaml"));
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("same-bridge", yaml("single-host-bridge"), "pod1", "pod2", Protocol.TCP, 100, true, "DELIVERED"),
        new Case("same-bridge-to-host", yaml("single-host-bridge"), "pod3-1", "host1", Protocol.ICMP, 84, true, "DELIVERED"),
        new Case("no-route", yaml("single-host-bridge"), "pod1", "192.0.2.1", Protocol.TCP, 100, true, "DROPPED (NO_ROUTE)"),
        new Case("no-such-address", yaml("single-host-bridge"), "pod1", "10.1.0.99", Protocol.TCP, 100, true,
            "DROPPED (NO_SUCH_ADDRESS)"),
        new Case("cross-host-vxlan", yaml("two-host-vxlan"), "web-1", "db-1", Protocol.TCP, 100, true, "DELIVERED"),
        new Case("vxlan-mtu-1500-df", yaml("two-host-vxlan"), "web-1", "db-1", Protocol.TCP, 1500, true,
            "DROPPED (MTU_EXCEEDED)"),
        new Case("vxlan-mtu-1500-fragmented", yaml("two-host-vxlan"), "web-1", "db-1", Protocol.UDP, 1500, false, "DELIVERED"),
        new Case("cross-host-gre", yaml("two-host-gre"), "client", "server", Protocol.TCP, 100, true, "DELIVERED"),
        new Case("host-mode", yaml("host-and-none-mode"), "web", "monitoring-agent", Protocol.TCP, 100, true, "DELIVERED"),
        new Case("to-none-mode", yaml("host-and-none-mode"), "web", "batch-job", Protocol.TCP, 100, true,
            "DROPPED (NO_SUCH_ADDRESS)"),
        new Case("from-none-mode", yaml("host-and-none-mode"), "batch-job", "web", Protocol.TCP, 100, true, "DROPPED (NO_ROUTE)"),
        new Case("routed-overlay", yaml("three-host-routed"), "frontend-1", "db", Protocol.TCP, 100, true, "DELIVERED"),
        new Case("exits-network", yaml("three-host-routed"), "frontend-1", "8.8.8.8", Protocol.UDP, 100, true, "EXITS_NETWORK"),
        new Case("mtu-mismatch-router", () -> Topologies.flannel(2, 1, 1500), "pod-1-1", "pod-2-1", Protocol.TCP, 1500, true,
            "DROPPED (MTU_EXCEEDED)"),
        new Case("routing-loop", Topologies::routingLoop, "client", "10.99.1.1", Protocol.TCP, 100, true, "DROPPED (LOOP)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void trace(Case c) {
    TraceRequest request = new TraceRequest(Endpoint.parse(c.from()), Target.parse(c.to()), c.protocol(),
        TraceRequest.DEFAULT_SOURCE_PORT, 80, c.size(), c.df());
    Trace t = Simulator.of(c.model().get()).trace(request);
    assertThat(t.disposition().verdict()).isEqualTo(c.verdict());
    Golden.assertMatches("trace-" + c.name() + ".txt", TraceRenderer.standard().render(t));
  }

  static Stream<Arguments> topologies() {
    return Examples.yamlFiles().stream().map(p -> Arguments.of(p.getFileName().toString().replace(".yaml", ""), p));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void reachMatrix(String name, Path file) {
    ReachMatrix m = Simulator.of(Examples.load(file)).reach(ReachRequest.all());
    Golden.assertMatches("reach-" + name + ".txt", ReachRenderer.grid(m) + "\n" + ReachRenderer.explain(m));
  }

}
