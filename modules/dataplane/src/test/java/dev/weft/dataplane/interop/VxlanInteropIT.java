package dev.weft.dataplane.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.dataplane.RunningDataplane;
import dev.weft.dataplane.testing.InteropLab;
import dev.weft.dataplane.testing.Pinger;
import dev.weft.dataplane.testing.Transfer;
import dev.weft.linux.testing.Lab;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A Linux VXLAN host and a weft dataplane host share one L2 overlay. */
@Tag("slow")
class VxlanInteropIT {
  @RegisterExtension static final Lab LAB = new Lab();
  @TempDir Path records;

  static final String TOPOLOGY = """
      name: interop
      underlay: {mtu: 1500, subnet: 192.168.77.0/24}
      hosts:
        - name: kern
          underlay: 192.168.77.1/24
          bridges: [{name: br0, gateway: 10.77.0.1/24, mtu: 1450}]
          pods: [{name: a, count: 1, bridge: br0, mode: overlay}]
        - name: weft
          underlay: 192.168.77.2/24
          bridges: [{name: br0, gateway: 10.77.0.254/24, mtu: 1450}]
          pods: [{name: b, count: 1, bridge: br0, mode: overlay}]
      overlays:
        - name: blue
          type: vxlan
          vni: 77
          port: 4789
          learning: false
          members: [{host: kern, bridge: br0}, {host: weft, bridge: br0}]
      """;

  @Test
  void kernelVxlanAndWeftCarryPingAndTcpBothWays() {
    try (InteropLab lab = InteropLab.deploy(LAB.driver(), records, TOPOLOGY, InteropLab.load(TOPOLOGY))) {
      RunningDataplane dp = lab.handOver("weft", InteropLab.options().withOffloads(false));
      var threads = LAB.driver().threads();
      try {
        check(lab, threads);
      } finally {
        System.out.println(dev.weft.dataplane.stats.StatsText.render(dp.stats()));
      }
    }
  }

  private static void check(InteropLab lab, dev.weft.linux.netns.NamespaceThreads threads) {
    {
      assertThat(Pinger.ping(threads, lab.ns("a-1"), lab.address("b-1", "eth0"), 3)).as("kernel pod -> weft pod").isEqualTo(3);
      assertThat(Pinger.ping(threads, lab.ns("b-1"), lab.address("a-1", "eth0"), 3)).as("weft pod -> kernel pod").isEqualTo(3);
      Transfer.Result there = Transfer.send(threads, lab.ns("a-1"), lab.ns("b-1"), lab.address("b-1", "eth0"), 5001, 16 << 20);
      assertThat(there.intact()).as("kernel -> weft: %s", there).isTrue();
      Transfer.Result back = Transfer.send(threads, lab.ns("b-1"), lab.ns("a-1"), lab.address("a-1", "eth0"), 5002, 16 << 20);
      assertThat(back.intact()).as("weft -> kernel: %s", back).isTrue();
    }
  }
}
