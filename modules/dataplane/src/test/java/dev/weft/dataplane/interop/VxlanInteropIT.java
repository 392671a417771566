package dev.weft.dataplane.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.dataplane.RunningDataplane;
import dev.weft.dataplane.stats.StatsText;
import dev.weft.dataplane.testing.Capture;
import dev.weft.dataplane.testing.InteropLab;
import dev.weft.dataplane.testing.Pinger;
import dev.weft.dataplane.testing.PodTraffic;
import dev.weft.linux.netns.NamespaceThreads;
import dev.weft.linux.testing.Lab;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Linux VXLAN host (deployed by weft's lab) and a weft dataplane host share one L2 overlay over a veth
 * underlay: pods on both sides ping each other and move 16 MiB each way intact, and what the dataplane
 * sends on the underlay decodes in tshark as VXLAN with valid inner checksums.
 */
@Tag("slow")
class VxlanInteropIT {
  @RegisterExtension static final Lab LAB = new Lab();
  @TempDir Path records;
  @TempDir Path pcaps;

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

  /** Plain TAPs (a frame per read and write), and virtio-net TAPs with segmentation offload both ways. */
  @ParameterizedTest(name = "offloads {0}")
  @ValueSource(booleans = {false, true})
  void kernelVxlanAndWeftCarryPingAndTcpBothWays(boolean offloads) throws Exception {
    try (InteropLab lab = InteropLab.deploy(LAB.driver(), records, TOPOLOGY, InteropLab.load(TOPOLOGY))) {
      RunningDataplane dp = lab.handOver("weft", InteropLab.options().withOffloads(offloads));
      NamespaceThreads threads = LAB.driver().threads();
      try {
        PodTraffic.pingBothWays(lab, threads, "a-1", "b-1", 3);
        assertThat(Pinger.ping(threads, lab.ns("b-1"), lab.address("weft", "br0"), 2)).as("weft pod -> its gateway").isEqualTo(2);
        PodTraffic.bulkBothWays(lab, threads, "a-1", "b-1");
        onTheWire(lab, threads, dp, offloads);
      } finally {
        System.out.println(StatsText.render(dp.stats()));
      }
    }
  }

  /** tshark sees what the dataplane sent as VXLAN 77 with valid IP/TCP checksums, nothing malformed. */
  private void onTheWire(InteropLab lab, NamespaceThreads threads, RunningDataplane dp, boolean offloads) throws Exception {
    Path pcap;
    long whole = wholeBatchSegments(dp);
    try (Capture capture = Capture.start(lab.ns("weft"), "eth0", "udp and src host 192.168.77.2", pcaps.resolve("weft.pcap"))) {
      PodTraffic.sample(lab, threads, "b-1", "a-1");
      pcap = capture.stop();
    }
    if (offloads && TunnelGsoPortIT.KERNEL_HAS_IT) {
      // the capture then holds what the kernel cut from whole batches (eth0 cuts in software, as a NIC would)
      assertThat(wholeBatchSegments(dp) - whole).as("segments of the sample handed whole to the kernel").isGreaterThan(100);
    }
    List<String> vxlan = Capture.tshark(pcap, "vxlan", "vxlan.vni", "udp.dstport");
    assertThat(vxlan).as("VXLAN frames sent by the dataplane").hasSizeGreaterThan(100).allMatch(r -> r.equals("77\t4789"));
    assertThat(Capture.tshark(pcap, "vxlan && icmp.type == 8")).as("echo requests inside VXLAN").hasSize(2);
    assertThat(Capture.tshark(pcap, "vxlan && tcp.checksum.status == \"Good\"")).as("inner TCP, checksum verified").isNotEmpty();
    assertThat(Capture.problems(pcap)).as("malformed or bad-checksum frames").isEmpty();
  }

  private static long wholeBatchSegments(RunningDataplane dp) {
    return dp.stats().ports().stream().filter(p -> p.port().startsWith("tunnel-gso/")).mapToLong(p -> p.txPackets()).sum();
  }
}
