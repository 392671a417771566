package dev.weft.dataplane.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.dataplane.RunningDataplane;
import dev.weft.dataplane.stats.StatsText;
import dev.weft.dataplane.testing.Capture;
import dev.weft.dataplane.testing.InteropLab;
import dev.weft.dataplane.testing.PodTraffic;
import dev.weft.linux.netns.NamespaceThreads;
import dev.weft.linux.testing.Lab;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two weft dataplane hosts joined by a gretap overlay, which this kernel cannot build: the dataplanes
 * carry it as GRE-in-UDP (RFC 8086, UDP 4754, key 1234). Pods ping and move 16 MiB each way intact;
 * tshark decodes the underlay traffic as GRE in UDP with the key and Ethernet inside.
 */
@Tag("slow")
class GreInUdpIT {
  @RegisterExtension static final Lab LAB = new Lab();
  @TempDir Path records;
  @TempDir Path pcaps;

  static final String TOPOLOGY = """
      name: gre
      underlay: {mtu: 1500}
      hosts:
        - name: left
          underlay: 172.16.78.1/24
          bridges: [{name: br0, gateway: 10.78.0.1/24, mtu: 1450}]
          namespaces:
            - name: client
              mode: overlay
              interfaces: [{name: eth0, addresses: [10.78.0.10/24], mtu: 1450}]
              routes: [{dst: default, via: 10.78.0.1}]
          veths: [{endpoints: ["client:eth0", "br0"]}]
        - name: right
          underlay: 172.16.78.2/24
          bridges: [{name: br0, gateway: 10.78.0.2/24, mtu: 1450}]
          namespaces:
            - name: server
              mode: overlay
              interfaces: [{name: eth0, addresses: [10.78.0.20/24], mtu: 1450}]
              routes: [{dst: default, via: 10.78.0.2}]
          veths: [{endpoints: ["server:eth0", "br0"]}]
      """;
  static final String OVERLAY = """
      overlays:
        - name: red
          type: gre
          key: 1234
          members: [{host: left, bridge: br0}, {host: right, bridge: br0}]
      """;

  @Test
  void twoWeftHostsCarryPingAndTcpOverGreInUdp() throws Exception {
    // the kernel builds hosts, bridges and pods; only the dataplanes know the GRE overlay
    String kernel = TOPOLOGY.replace("mode: overlay", "mode: bridge");
    try (InteropLab lab = InteropLab.deploy(LAB.driver(), records, kernel, InteropLab.load(TOPOLOGY + OVERLAY))) {
      RunningDataplane left = lab.handOver("left", InteropLab.options().withOffloads(true));
      RunningDataplane right = lab.handOver("right", InteropLab.options());
      NamespaceThreads threads = LAB.driver().threads();
      try {
        PodTraffic.pingBothWays(lab, threads, "client", "server", 3);
        PodTraffic.bulkBothWays(lab, threads, "client", "server");
        onTheWire(lab, threads);
      } finally {
        System.out.println(StatsText.render(left.stats()) + StatsText.render(right.stats()));
      }
    }
  }

  private void onTheWire(InteropLab lab, NamespaceThreads threads) throws Exception {
    Path pcap;
    Capture.sendAsANicWould(lab.ns("right"), "eth0"); // its datagrams are captured on the way in
    try (Capture capture = Capture.start(lab.ns("left"), "eth0", "udp port 4754", pcaps.resolve("left.pcap"))) {
      PodTraffic.sample(lab, threads, "client", "server");
      pcap = capture.stop();
    }
    List<String> gre = Capture.tshark(pcap, "udp.port == 4754 && gre", "gre.key", "gre.proto", "eth.type");
    // tshark prints the key in hex (0x4d2 is 1234) and 0x6558 is transparent Ethernet bridging
    assertThat(gre).as("GRE-in-UDP frames both ways").hasSizeGreaterThan(100)
        .allMatch(r -> r.startsWith("0x000004d2\t0x6558\t"));
    assertThat(Capture.tshark(pcap, "gre && icmp.type == 0")).as("echo replies inside GRE").hasSize(2);
    assertThat(Capture.tshark(pcap, "gre && tcp.checksum.status == \"Good\"")).isNotEmpty();
    assertThat(Capture.problems(pcap)).as("malformed or bad-checksum frames").isEmpty();
  }
}
