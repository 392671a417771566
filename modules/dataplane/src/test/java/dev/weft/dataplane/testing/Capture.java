package dev.weft.dataplane.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.linux.netns.NetnsRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * tcpdump inside a test's namespace while something runs, then tshark over the file: the decode as the
 * reference tool sees it, with IP, TCP and UDP checksum validation on.
 */
public final class Capture implements AutoCloseable {
  private static final List<String> CHECKSUMS = List.of("-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE",
      "-o", "udp.check_checksum:TRUE");
  /**
   * The sample transfer's port ({@link PodTraffic#sample}) carries random bytes, not a protocol: decoded as
   * data. Otherwise tshark's heuristic dissectors take a segment that happens to start like their protocol
   * for a malformed message of it: segments of the sample's bytes starting at each offset gave 4 such
   * frames in 261,984 (Thrift, EtherCAT), and one failed a CI run (a Thrift "REPLY").
   */
  private static final List<String> PAYLOAD_AS_DATA = List.of("-d", "tcp.port==" + PodTraffic.SAMPLE_PORT + ",data");
  private final Process tcpdump;
  private final Path file;

  private Capture(Process tcpdump, Path file) {
    this.tcpdump = tcpdump;
    this.file = file;
  }

  /**
   * Starts tcpdump on {@code device} in {@code ns} with a BPF {@code filter}; returns once it listens.
   * Immediate mode: otherwise packets wait in the kernel's TPACKET_V3 ring until a block fills or its
   * timer retires it, and a capture stopped within that time can end with none of them in the file.
   *
   * <p>First the device sends as a NIC would (see {@link #sendAsANicWould}); what arrives from its peer
   * is captured as the peer sent it, so a test capturing both ways does the same for the peer.
   */
  public static Capture start(NetnsRef.Named ns, String device, String filter, Path file) throws IOException, InterruptedException {
    requireTools();
    sendAsANicWould(ns, device);
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns.name().value(), "tcpdump", "-i", device, "-n",
        "--immediate-mode", "-U", "-s", "0", "-w", file.toString()));
    cmd.addAll(List.of(filter.split(" ")));
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    String line = err.readLine();
    if (line == null || !line.contains("listening")) {
      p.destroyForcibly();
      throw new AssertionError("tcpdump did not start: " + line);
    }
    Thread.ofPlatform().daemon().start(() -> {
      try {
        err.lines().forEach(l -> { });
      } catch (java.io.UncheckedIOException closed) {
        // tcpdump was stopped
      }
    });
    return new Capture(p, file);
  }

  /**
   * Turns off a test-made device's transmit offloads: a veth takes packets with their checksums still
   * pending and UDP/TCP segmentation batches whole, so a capture would show the kernel's pending work (a
   * "bad" checksum, one 64 KiB datagram) rather than what a NIC puts on the wire. With them off the
   * kernel finishes both in software before the packet reaches the capture point.
   */
  public static void sendAsANicWould(NetnsRef.Named ns, String device) throws IOException, InterruptedException {
    Process ethtool = new ProcessBuilder("ip", "netns", "exec", ns.name().value(), "ethtool", "-K", device, "tx", "off")
        .redirectErrorStream(true).start();
    String said = new String(ethtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ethtool.waitFor()).as("ethtool -K %s tx off: %s", device, said).isZero();
  }

  /** Stops the capture (SIGTERM lets tcpdump flush) and returns the file. */
  public Path stop() throws InterruptedException {
    tcpdump.destroy();
    assertThat(tcpdump.waitFor(10, TimeUnit.SECONDS)).as("tcpdump stops").isTrue();
    return file;
  }

  @Override
  public void close() {
    tcpdump.destroyForcibly();
  }

  /** The rows tshark prints for frames matching a display filter, one per frame, fields tab-separated. */
  public static List<String> tshark(Path pcap, String filter, String... fields) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", pcap.toString()));
    cmd.addAll(CHECKSUMS);
    cmd.addAll(PAYLOAD_AS_DATA);
    cmd.addAll(List.of("-Y", filter, "-T", "fields"));
    for (String f : fields.length == 0 ? new String[] {"frame.number"} : fields) {
      cmd.addAll(List.of("-e", f));
    }
    Process p = new ProcessBuilder(cmd).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("tshark failed: " + err).isZero();
    return out.lines().filter(l -> !l.isBlank()).toList();
  }

  /** Frames tshark calls malformed, flags with an error, or whose IP, TCP or UDP checksum is bad. */
  public static List<String> problems(Path pcap) throws Exception {
    return tshark(pcap, "_ws.malformed || _ws.expert.severity >= \"error\" || ip.checksum.status == \"Bad\""
        + " || tcp.checksum.status == \"Bad\" || udp.checksum.status == \"Bad\"", "frame.number", "_ws.col.Info");
  }

  private static void requireTools() {
    boolean present = Files.isExecutable(Path.of("/usr/bin/tshark")) && Files.isExecutable(Path.of("/usr/bin/tcpdump"))
        && Files.isExecutable(Path.of("/usr/sbin/ethtool"));
    boolean required = "1".equals(System.getenv("WEFT_REQUIRE_PRIVILEGED")) || "1".equals(System.getenv("WEFT_REQUIRE_TOOLS"));
    if (!present && required) {
      throw new AssertionError("tcpdump, tshark and ethtool are required (WEFT_REQUIRE_TOOLS/WEFT_REQUIRE_PRIVILEGED set)");
    }
    Assumptions.assumeTrue(present, "tcpdump, tshark or ethtool is not installed");
  }
}
