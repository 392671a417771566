package dev.weft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.event.ForwardingEvent;
import dev.weft.model.NetworkModel;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Name;
import dev.weft.sim.fabric.Fabric;
import dev.weft.sim.reach.ReachCell;
import dev.weft.sim.reach.ReachRequest;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of traces over random tree topologies (see {@link RandomTree}). */
class RandomTreeProperties {

  private static IpAddress destination(RandomTree tree, int dstNode, int pick) {
    List<Integer> own = new java.util.ArrayList<>();
    for (int e = 0; e < tree.edges.size(); e++) {
      if (tree.edges.get(e).a() == dstNode || tree.edges.get(e).b() == dstNode) {
        own.add(e);
      }
    }
    return IpAddress.parse(tree.address(dstNode, own.get(pick % own.size())));
  }

  @Property(tries = 300)
  void deliveredExactlyWhenRoutesLeadThere(@ForAll long seed, @ForAll @IntRange(min = 2, max = 7) int nodes,
      @ForAll @IntRange(min = 0, max = 1000) int pick) {
    RandomTree tree = new RandomTree(seed, nodes, false);
    int src = pick % nodes;
    int dstNode = (pick / 7) % nodes;
    IpAddress dst = destination(tree, dstNode, pick / 49);
    Trace t = Simulator.of(tree.model()).trace(TraceRequest.of(Endpoint.of(Name.of(RandomTree.ns(src))), new Target.Address(dst)));
    boolean expected = tree.follow(src, dst) == RandomTree.Fate.DELIVERED;
    assertThat(t.disposition().delivered()).as("%s -> %s in tree %d: %s", src, dst, seed, t.disposition()).isEqualTo(expected);
  }

  @Property(tries = 150)
  void ttlAlwaysDecreasesAndTracesStayShort(@ForAll long seed, @ForAll @IntRange(min = 2, max = 7) int nodes,
      @ForAll @IntRange(min = 0, max = 1000) int pick) {
    RandomTree tree = new RandomTree(seed, nodes, false);
    NetworkModel model = tree.model();
    IpAddress dst = destination(tree, (pick / 7) % nodes, pick / 49);
    Trace t = Simulator.of(model).trace(TraceRequest.of(Endpoint.of(Name.of(RandomTree.ns(pick % nodes))), new Target.Address(dst)));
    int last = Integer.MAX_VALUE;
    for (TraceStep s : t.packetSteps()) {
      if (s instanceof TraceStep.Decision d && d.event() instanceof ForwardingEvent.TtlDecremented ttl) {
        assertThat(ttl.to()).isEqualTo(ttl.from() - 1);
        assertThat(ttl.from()).isLessThan(last);
        last = ttl.from();
      }
    }
    long crossings = t.packetSteps().stream().filter(TraceStep.Crossed.class::isInstance).count();
    assertThat(crossings + 1).as("devices the packet visited").isLessThanOrEqualTo(2L * Fabric.of(model).deviceCount());
  }

  @Property(tries = 300)
  void fastPathAgreesWithTheByteLevelTrace(@ForAll long seed, @ForAll @IntRange(min = 2, max = 7) int nodes,
      @ForAll @IntRange(min = 0, max = 1000) int pick, @ForAll("sizes") int size, @ForAll("sizes") int secondSize,
      @ForAll boolean df, @ForAll Protocol protocol) {
    RandomTree tree = new RandomTree(seed, nodes, true);
    Simulator sim = Simulator.of(tree.model());
    // two questions to one simulator: the second is answered partly from the first one's flow cache
    for (int bytes : new int[] {size, secondSize}) {
      for (int k = 0; k < 3; k++) {
        Name from = Name.of(RandomTree.ns((pick + k) % nodes));
        Name to = Name.of(RandomTree.ns((pick / 7 + 2 * k) % nodes));
        ReachRequest request = new ReachRequest(List.of(from), List.of(to), protocol, 80, bytes, df);
        ReachCell cell = sim.reach(request).cell(from.value(), to.value());
        Trace t = sim.trace(request.traceFor(from.value(), to.value()));
        assertThat(cell.verdict()).as("%s -> %s (%d bytes) in tree %d: fast says %s, trace says %s", from, to, bytes, seed,
            cell.reason(), t.disposition().detail()).isEqualTo(t.disposition().verdict());
      }
    }
  }

  @Provide
  Arbitrary<Integer> sizes() {
    return Arbitraries.of(100, 1280, 1300, 1400, 1450, 1500);
  }
}
