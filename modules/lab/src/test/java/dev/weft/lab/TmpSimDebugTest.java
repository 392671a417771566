package dev.weft.lab;

import dev.weft.lab.testing.RandomLab;
import dev.weft.model.NetworkModel;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Name;
import dev.weft.sim.Endpoint;
import dev.weft.sim.Protocol;
import dev.weft.sim.Simulator;
import dev.weft.sim.Target;
import dev.weft.sim.TraceRequest;
import dev.weft.sim.render.TraceRenderer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TmpSimDebugTest {
  @Test
  void debug() {
    NetworkModel model = RandomLab.generate(Long.parseLong(System.getProperty("seed", "-1837872"))).model();
    Simulator sim = Simulator.of(model);
    TraceRequest r = new TraceRequest(new Endpoint(Name.of(System.getProperty("from", "h3p1")),
        Optional.of(dev.weft.model.value.InterfaceName.of("eth0"))), new Target.Address(IpAddress.parse(System.getProperty("to", "10.30.0.1"))),
        Protocol.TCP, 80, 40000, 100, true);
    System.out.println(TraceRenderer.verbose().render(sim.trace(r)));
  }
}
