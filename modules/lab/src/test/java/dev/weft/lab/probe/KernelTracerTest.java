package dev.weft.lab.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.value.IpAddress;
import dev.weft.sim.Protocol;
import org.junit.jupiter.api.Test;

class KernelTracerTest {
  /** Marks the probe's packets both ways, in the IP and the bridge family, ahead of every other table. */
  @Test
  void marksTheProbesPacketsBothWaysInBothFamilies() {
    String s = KernelTracer.script(Protocol.UDP, IpAddress.parse("10.1.0.5"));
    assertThat(s).contains("table inet weftprobe {", "table bridge weftprobe {",
        "meta l4proto udp ip daddr 10.1.0.5 meta nftrace set 1;", "meta l4proto udp ip saddr 10.1.0.5 meta nftrace set 1;",
        "type filter hook prerouting priority -350", "type filter hook output priority -350");
    assertThat(KernelTracer.script(Protocol.ICMP, IpAddress.parse("fd00::5"))).contains("meta l4proto icmpv6 ip6 daddr fd00::5");
  }
}
