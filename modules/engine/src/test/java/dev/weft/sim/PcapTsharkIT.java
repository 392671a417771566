package dev.weft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.NetworkModel;
import dev.weft.model.value.Name;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes pcaps for a VXLAN and a GRE trace and has tshark read them with checksum validation on: it must
 * decode the outer IP/UDP or GRE, the VNI or key and the inner IP/TCP, and flag nothing as malformed or
 * as a bad checksum.
 */
class PcapTsharkIT {
  private static final List<String> CHECKSUMS = List.of("-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE",
      "-o", "udp.check_checksum:TRUE");

  @TempDir
  Path dir;

  @Test
  void vxlanTraceDecodesCleanly() throws Exception {
    Path underlay = capture(Topologies.twoHostVxlan(), "host1.eth0--underlay.pcap");
    List<String> rows = tshark(underlay, "vxlan && tcp", "ip.src", "udp.dstport", "vxlan.vni", "tcp.srcport", "tcp.dstport");
    assertThat(rows).singleElement().isEqualTo("192.168.0.1,10.1.0.11\t4789\t42\t40000\t80");
    assertClean(underlay);
  }

  @Test
  void greTraceDecodesCleanly() throws Exception {
    Path underlay = capture(Topologies.twoHostGre(), "host1.eth0--underlay.pcap");
    List<String> rows = tshark(underlay, "gre && tcp", "ip.src", "gre.proto", "gre.key", "tcp.srcport", "tcp.dstport");
    // tshark prints the key in hex: 0x4d2 is 1234
    assertThat(rows).singleElement().isEqualTo("192.168.0.1,10.1.0.11\t0x6558\t0x000004d2\t40000\t80");
    assertClean(underlay);
  }

  @Test
  void everyLinkCrossedHasAFileAndEveryFileIsClean() throws Exception {
    capture(Topologies.twoHostVxlan(), "host1.eth0--underlay.pcap");
    List<Path> files;
    try (var s = Files.list(dir)) {
      files = s.sorted().toList();
    }
    assertThat(files).extracting(p -> p.getFileName().toString()).contains(
        "host1.veth-pod1--pod1.eth0.pcap", "host1.vxlan42.pcap", "host1.eth0--underlay.pcap",
        "host2.vxlan42.pcap", "host2.veth-pod2--pod2.eth0.pcap");
    for (Path f : files) {
      assertClean(f);
    }
  }

  private Path capture(NetworkModel model, String file) throws IOException {
    Trace t = Simulator.of(model).trace(TraceRequest.of(Endpoint.of(Name.of("pod1")), Target.parse("pod2")), dir);
    assertThat(t.disposition().outcome()).isEqualTo(Outcome.DELIVERED);
    assertThat(t.pcapFiles()).isNotEmpty();
    return dir.resolve(file);
  }

  private static void assertClean(Path pcap) throws Exception {
    List<String> bad = tshark(pcap, "_ws.malformed || _ws.expert.severity >= \"error\" || ip.checksum.status == \"Bad\""
        + " || tcp.checksum.status == \"Bad\" || udp.checksum.status == \"Bad\"", "frame.number", "_ws.expert.message");
    assertThat(bad).as("malformed or bad-checksum packets in " + pcap.getFileName()).isEmpty();
    assertThat(tshark(pcap, "frame", "frame.number")).as("frames in " + pcap.getFileName()).isNotEmpty();
  }

  private static List<String> tshark(Path pcap, String filter, String... fields) throws Exception {
    requireTshark();
    List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", pcap.toString()));
    cmd.addAll(CHECKSUMS);
    cmd.addAll(List.of("-Y", filter, "-T", "fields"));
    for (String f : fields) {
      cmd.addAll(List.of("-e", f));
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("tshark failed: " + err).isZero();
    return out.lines().filter(l -> !l.isBlank()).toList();
  }

  private static void requireTshark() {
    boolean present = Files.isExecutable(Path.of("/usr/bin/tshark")) || Files.isExecutable(Path.of("/usr/local/bin/tshark"));
    boolean required = "1".equals(System.getenv("WEFT_REQUIRE_PRIVILEGED")) || "1".equals(System.getenv("WEFT_REQUIRE_TOOLS"));
    if (!present && required) {
      throw new AssertionError("tshark is required (WEFT_REQUIRE_TOOLS/WEFT_REQUIRE_PRIVILEGED set) but not installed");
    }
    Assumptions.assumeTrue(present, "tshark is not installed");
  }
}
