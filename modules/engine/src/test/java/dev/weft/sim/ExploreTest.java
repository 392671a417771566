package dev.weft.sim;

import dev.weft.model.NetworkModel;
import dev.weft.model.value.Name;
import dev.weft.sim.render.TraceRenderer;
import org.junit.jupiter.api.Test;

class ExploreTest {
  static void show(NetworkModel m, String from, String to, int size) {
    Trace t = Simulator.of(m).trace(TraceRequest.of(Endpoint.parse(from), Target.parse(to)).withSize(size, true));
    System.out.println("=================== " + from + " -> " + to);
    System.out.println(TraceRenderer.standard().render(t));
  }

  @Test
  void show() {
    show(Topologies.singleHostBridge(), "pod1", "pod2", 100);
    show(Topologies.twoHostVxlan(), "pod1", "pod2", 100);
    show(Topologies.twoHostGre(), "pod1", "pod2", 100);
    show(Topologies.flannel(3, 2, 1450), "pod-1-1", "pod-3-2", 100);
    show(Topologies.flannel(2, 1, 1500), "pod-1-1", "pod-2-1", 1500);
    show(Topologies.hostAndNone(), "web", "hostnet", 100);
    show(Topologies.hostAndNone(), "web", "isolated", 100);
    show(Topologies.hostAndNone(), "isolated", "web", 100);
    show(Topologies.routingLoop(), "client", "10.99.1.1", 100);
    show(Topologies.external(), "app", "8.8.8.8", 100);
    show(Topologies.singleHostBridge(), "pod1", "10.0.0.99", 100);
    show(Topologies.twoHostVxlan(), "pod1", "pod2", 1500);
  }
}
