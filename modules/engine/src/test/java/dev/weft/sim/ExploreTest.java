package dev.weft.sim;

import dev.weft.model.NetworkModel;
import dev.weft.sim.run.PcapSink;
import dev.weft.sim.run.TraceRunner;
import dev.weft.sim.fabric.Fabric;
import dev.weft.engine.hook.NetfilterHooks;
import org.junit.jupiter.api.Test;

class ExploreTest {
  @Test
  void timing() {
    NetworkModel m = Topologies.twoHostVxlan();
    TraceRunner r = new TraceRunner(Fabric.of(m), NetfilterHooks.NONE);
    TraceRequest req = TraceRequest.of(Endpoint.parse("pod1"), Target.parse("pod2"));
    for (int round = 0; round < 25; round++) {
      long t0 = System.nanoTime();
      int n = 200;
      for (int i = 0; i < n; i++) {
        r.run(req, PcapSink.NONE);
      }
      System.out.println("per trace us: " + (System.nanoTime() - t0) / 1000 / n);
    }
  }
}
