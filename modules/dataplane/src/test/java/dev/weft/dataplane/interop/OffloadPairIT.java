package dev.weft.dataplane.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.dataplane.RunningDataplane;
import dev.weft.dataplane.stats.PortStats;
import dev.weft.dataplane.stats.StatsText;
import dev.weft.dataplane.testing.InteropLab;
import dev.weft.dataplane.testing.PodTraffic;
import dev.weft.linux.netns.NamespaceThreads;
import dev.weft.linux.testing.Lab;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two weft dataplane hosts, both with segmentation offload (virtio-net TAPs): a pod's 64 KiB TCP batches
 * cross the handlers whole and leave whole (VXLAN, where the kernel takes GSO over UDP tunnels: see
 * TunnelGsoPortIT) or as equal-size tunnel datagrams in UDP segmentation offload sends (GRE-in-UDP), and
 * arrive whole or are merged back on receipt into batches for the other pod's TAP. Pods ping and move 16
 * MiB each way intact, over VXLAN and over GRE-in-UDP. The counters show that batches were read: each
 * dataplane read its pod's TAP fewer than a quarter as often as it sent MTU-sized datagrams. (That the
 * receiving side merges is shown by SegmentationOffloadTest; the counters do not tell writes apart.)
 */
@Tag("slow")
class OffloadPairIT {
  @RegisterExtension static final Lab LAB = new Lab();
  @TempDir Path records;

  private static final String VXLAN = """
      overlays:
        - {name: blue, type: vxlan, vni: 78, port: 4789, learning: false, members: [{host: left, bridge: br0}, {host: right, bridge: br0}]}
      """;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"vxlan", "gre"})
  void twoOffloadingHostsCarryBulkTcpIntactBothWays(String overlay) throws Exception {
    String kernel = GreInUdpIT.TOPOLOGY.replace("mode: overlay", "mode: bridge");
    String full = GreInUdpIT.TOPOLOGY + (overlay.equals("vxlan") ? VXLAN : GreInUdpIT.OVERLAY);
    try (InteropLab lab = InteropLab.deploy(LAB.driver(), records, kernel, InteropLab.load(full))) {
      RunningDataplane left = lab.handOver("left", InteropLab.options().withOffloads(true));
      RunningDataplane right = lab.handOver("right", InteropLab.options().withOffloads(true));
      NamespaceThreads threads = LAB.driver().threads();
      try {
        PodTraffic.pingBothWays(lab, threads, "client", "server", 3);
        PodTraffic.bulkBothWays(lab, threads, "client", "server");
        for (RunningDataplane dp : new RunningDataplane[] {left, right}) {
          long sent = dp.stats().ports().stream().filter(p -> p.kind().equals("underlay")).mapToLong(PortStats::txPackets).sum();
          PortStats tap = dp.stats().ports().stream().filter(p -> p.kind().equals("tap")).findFirst().orElseThrow();
          assertThat(sent).as("datagrams sent (or handed whole to the kernel, counted as the segments it cuts them into):"
              + " the bulk went out in segments of at most the MTU").isGreaterThan(16L * 1024 * 1024 / 1450);
          assertThat(tap.rxPackets()).as("reads from the pod's TAP: batches of many segments each").isLessThan(sent / 4);
          if (overlay.equals("vxlan") && TunnelGsoPortIT.KERNEL_HAS_IT) {
            PortStats whole = dp.stats().ports().stream().filter(p -> p.port().startsWith("tunnel-gso/")).findFirst().orElseThrow();
            assertThat(whole.txPackets()).as("VXLAN batches went whole to the host's kernel").isGreaterThan(sent * 9 / 10);
          }
        }
      } finally {
        System.out.println(StatsText.render(left.stats()) + StatsText.render(right.stats()));
      }
    }
  }
}
