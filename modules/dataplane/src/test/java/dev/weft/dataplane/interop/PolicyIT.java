package dev.weft.dataplane.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.dataplane.RunningDataplane;
import dev.weft.dataplane.stats.DataplaneStats;
import dev.weft.dataplane.stats.StatsClient;
import dev.weft.dataplane.stats.StatsText;
import dev.weft.dataplane.testing.InteropLab;
import dev.weft.dataplane.testing.Transfer;
import dev.weft.engine.event.DropReason;
import dev.weft.linux.netns.NamespaceThreads;
import dev.weft.linux.testing.Lab;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule set from the topology ({@code chains:} of the server pod: drop TCP to port 81) is enforced by
 * the dataplane, not the kernel: the lab deploys the pods without it, and the dataplane drops the
 * handshake to port 81 while port 80 works; the policy drop counter on /metrics shows it.
 */
@Tag("slow")
class PolicyIT {
  @RegisterExtension static final Lab LAB = new Lab();
  @TempDir Path records;

  static final String CHAINS = """
              chains: |
                *filter
                :INPUT ACCEPT [0:0]
                :FORWARD ACCEPT [0:0]
                :OUTPUT ACCEPT [0:0]
                -A INPUT -p tcp -m tcp --dport 81 -j DROP
                COMMIT
      """;
  static final String TOPOLOGY = """
      name: policy
      underlay: {mtu: 1500, subnet: 192.168.79.0/24}
      hosts:
        - name: kern
          underlay: 192.168.79.1/24
          bridges: [{name: br0, gateway: 10.79.0.1/24, mtu: 1450}]
          namespaces:
            - name: client
              mode: overlay
              interfaces: [{name: eth0, addresses: [10.79.0.10/24], mtu: 1450}]
              routes: [{dst: default, via: 10.79.0.1}]
          veths: [{endpoints: ["client:eth0", "br0"]}]
        - name: weft
          underlay: 192.168.79.2/24
          bridges: [{name: br0, gateway: 10.79.0.254/24, mtu: 1450}]
          namespaces:
            - name: server
              mode: overlay
              interfaces: [{name: eth0, addresses: [10.79.0.20/24], mtu: 1450}]
              routes: [{dst: default, via: 10.79.0.254}]
      %s    veths: [{endpoints: ["server:eth0", "br0"]}]
      overlays:
        - {name: green, type: vxlan, vni: 79, port: 4789, members: [{host: kern, bridge: br0}, {host: weft, bridge: br0}]}
      """;

  @Test
  void theDataplaneDropsTcp81AndCountsIt() throws Exception {
    String withPolicy = TOPOLOGY.formatted(CHAINS);
    try (InteropLab lab = InteropLab.deploy(LAB.driver(), records, TOPOLOGY.formatted(""), InteropLab.load(withPolicy))) {
      RunningDataplane dp = lab.handOver("weft", InteropLab.options().withMetricsPort(0));
      NamespaceThreads threads = LAB.driver().threads();
      try {
        Transfer.Result web = Transfer.send(threads, lab.ns("client"), lab.ns("server"), lab.address("server", "eth0"), 80, 1 << 20);
        assertThat(web.intact()).as("port 80 is allowed: %s", web).isTrue();
        assertThat(Transfer.connects(threads, lab.ns("client"), lab.ns("server"), lab.address("server", "eth0"), 81, 3000))
            .as("port 81 is dropped").isFalse();
        DataplaneStats stats = StatsClient.fetch(dp.metricsPort().orElseThrow());
        assertThat(stats.host()).isEqualTo("weft");
        assertThat(stats.port("vxlan/192.168.79.2:4789").orElseThrow().drops(DropReason.POLICY))
            .as("SYNs to port 81 dropped by policy, counted on the port they came in by").isGreaterThanOrEqualTo(2);
        assertThat(stats.drops(DropReason.POLICY)).isEqualTo(stats.port("vxlan/192.168.79.2:4789").orElseThrow().drops(DropReason.POLICY));
        assertThat(stats.flowCacheHits()).as("the chain is not walked per packet").isGreaterThan(stats.flowCacheMisses());
      } finally {
        System.out.println(StatsText.render(dp.stats()));
      }
    }
  }
}
