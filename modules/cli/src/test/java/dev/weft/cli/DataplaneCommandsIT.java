package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.linux.LinuxDriver;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.testing.Privileged;
import dev.weft.linux.testing.Shell;
import dev.weft.linux.testing.TestNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code weft dataplane run --lab} as a user runs it: a separate JVM (the packaged CLI, as {@code ./weft}
 * starts it) takes over host2 of the two-host VXLAN example deployed with {@code weft deploy}; pods on the
 * kernel's host1 and the dataplane's host2 ping each other, {@code weft dataplane stats} shows the
 * packets on the TAPs and the underlay, and SIGTERM stops it cleanly (its TAPs are gone) before destroy.
 */
@Tag("slow")
class DataplaneCommandsIT {
  private static final Path VXLAN = Path.of("../../topologies/two-host-vxlan.yaml");
  private static final Pattern METRICS = Pattern.compile("metrics http://127\\.0\\.0\\.1:(\\d+)/metrics");

  @BeforeEach
  void root() {
    Privileged.require();
  }

  @Test
  void aLabHostRunsInTheDataplaneUntilSigterm() throws Exception {
    String lab = TestNames.fresh("");
    assertThat(Shell.netnsNames()).noneMatch(n -> n.startsWith(lab));
    Process dataplane = null;
    try (LinuxDriver driver = LinuxDriver.open()) {
      Cli.Result deploy = Cli.run("deploy", VXLAN.toString(), "--prefix", lab);
      assertThat(deploy.exitCode()).as(deploy.err()).isZero();

      dataplane = start("dataplane", "run", VXLAN.toString(), "--host", "host2", "--lab", lab, "--metrics-port", "0");
      Output out = Output.of(dataplane.getInputStream());
      Output err = Output.of(dataplane.getErrorStream());
      String banner = out.awaitLine("forwarding until", Duration.ofSeconds(30), dataplane, err);
      assertThat(banner).contains("host host2 of topology two-host-vxlan, in namespace " + lab + "-host2")
          .contains("pod db-1 (namespace " + lab + "-db-1): tap eth0").contains("underlay vxlan on udp 192.168.0.2:4789");
      Matcher m = METRICS.matcher(banner);
      assertThat(m.find()).as(banner).isTrue();
      String port = m.group(1);

      assertThat(reachable(driver, lab + "-web-1", "10.10.0.5")).as("kernel pod web-1 -> dataplane pod db-1").isTrue();
      assertThat(reachable(driver, lab + "-db-2", "10.10.0.3")).as("dataplane pod db-2 -> kernel pod web-2").isTrue();
      assertThat(reachable(driver, lab + "-db-1", "10.10.0.254")).as("dataplane pod db-1 -> its gateway").isTrue();

      Cli.Result text = Cli.run("dataplane", "stats", "--port", port);
      assertThat(text.exitCode()).as(text.err()).isZero();
      assertThat(text.out()).startsWith("dataplane on host2").contains("db-1:eth0").contains("vxlan/192.168.0.2:4789");
      JsonNode stats = Json.mapper().readTree(Cli.run("dataplane", "stats", "--port", port, "-o", "json").out());
      assertThat(port(stats, "db-1:eth0").get("rxPackets").asLong()).as("echo replies from db-1").isPositive();
      assertThat(port(stats, "db-1:eth0").get("txPackets").asLong()).as("echo requests to db-1").isPositive();
      assertThat(port(stats, "vxlan/192.168.0.2:4789").get("rxPackets").asLong()).as("VXLAN from host1").isPositive();

      dataplane.toHandle().destroy(); // SIGTERM; Process.destroy would also close the pipes we read
      assertThat(dataplane.waitFor(20, TimeUnit.SECONDS)).as("the dataplane stops on SIGTERM").isTrue();
      assertThat(dataplane.exitValue()).as("the JVM's status after SIGTERM").isEqualTo(128 + 15);
      assertThat(err.awaitLine("weft dataplane: stopped host host2", Duration.ofSeconds(5), dataplane, err))
          .contains("0 errors logged");
      assertThat(Shell.linkNames(lab + "-db-1")).as("the TAP closed with the dataplane").doesNotContain("eth0");
    } finally {
      if (dataplane != null && dataplane.isAlive()) {
        dataplane.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      Cli.Result destroy = Cli.run("destroy", "--lab", lab);
      assertThat(destroy.exitCode()).as(destroy.err()).isZero();
    }
    assertThat(Shell.netnsNames()).noneMatch(n -> n.startsWith(lab));
  }

  /**
   * Without --lab the dataplane runs in its own namespace (here one the test made, entered with {@code
   * nsenter}), creates the pod namespaces it needs, answers a pod's ping to its gateway from the
   * host's stack, and on SIGINT removes the pod namespaces it created.
   */
  @Test
  void onItsOwnHostItMakesThePodNamespacesAndRemovesThemOnSigint(@TempDir Path dir) throws Exception {
    String host = TestNames.fresh("h");
    String pods = TestNames.fresh("p");
    Path file = Files.writeString(dir.resolve("onhost.yaml"), """
        name: onhost
        hosts:
          - name: h1
            underlay: 192.168.91.1/24
            bridges: [{name: br0, gateway: 10.91.0.1/24}]
            pods: [{name: %s, count: 2, bridge: br0, mode: bridge}]
        """.formatted(pods));
    Process dataplane = null;
    try (LinuxDriver driver = LinuxDriver.open()) {
      Shell.ok("ip", "netns", "add", host);
      // nsenter, not 'ip netns exec': the latter gives the child a mount namespace of its own, where the
      // pod namespaces it bind-mounts under /run/netns would stay invisible to this test
      dataplane = start(List.of("nsenter", "--net=/run/netns/" + host), "dataplane", "run", file.toString(), "--host", "h1",
          "--no-metrics");
      Output out = Output.of(dataplane.getInputStream());
      Output err = Output.of(dataplane.getErrorStream());
      String banner = out.awaitLine("forwarding until", Duration.ofSeconds(30), dataplane, err);
      assertThat(banner).contains("in weft's own network namespace").contains("pod " + pods + "-1 (namespace " + pods + "-1)")
          .contains("metrics off");
      assertThat(Shell.netnsNames()).contains(pods + "-1", pods + "-2");
      assertThat(reachable(driver, pods + "-1", "10.91.0.1")).as("pod -> gateway on the dataplane's stack").isTrue();
      assertThat(reachable(driver, pods + "-2", "10.91.0.2")).as("pod -> pod across the dataplane's bridge").isTrue();

      Shell.ok("kill", "-INT", Long.toString(dataplane.pid()));
      assertThat(dataplane.waitFor(20, TimeUnit.SECONDS)).as("the dataplane stops on SIGINT").isTrue();
      assertThat(dataplane.exitValue()).isEqualTo(128 + 2);
      assertThat(err.awaitLine("weft dataplane: stopped host h1", Duration.ofSeconds(5), dataplane, err)).isNotEmpty();
      assertThat(Shell.netnsNames()).as("the pod namespaces it made are gone").doesNotContain(pods + "-1", pods + "-2");
    } finally {
      if (dataplane != null && dataplane.isAlive()) {
        dataplane.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      for (String ns : List.of(host, pods + "-1", pods + "-2")) {
        if (Shell.netnsNames().contains(ns)) {
          Shell.ok("ip", "netns", "del", ns);
        }
      }
    }
  }

  private static Process start(String... args) throws IOException {
    return start(List.of(), args);
  }

  /** The CLI in its own JVM, as the {@code ./weft} launcher runs it: the packaged jar and its lib/. */
  private static Process start(List<String> wrapper, String... args) throws IOException {
    Path target = Path.of("target").toAbsolutePath();
    assertThat(target.resolve("weft-cli.jar")).as("run after package (failsafe does)").exists();
    List<String> command = new ArrayList<>(wrapper);
    command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"),
        "--enable-native-access=ALL-UNNAMED", "-cp", target.resolve("weft-cli.jar") + ":" + target.resolve("lib") + "/*",
        "dev.weft.cli.Main"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  /** An ICMP echo (the JDK's, over a raw socket as root) from inside {@code namespace}. */
  private static boolean reachable(LinuxDriver driver, String namespace, String address) {
    InetAddress target = InetAddress.ofLiteral(address);
    for (int attempt = 0; attempt < 3; attempt++) {
      boolean answered = driver.threads().call(NetnsRef.named(namespace), () -> {
        try {
          return target.isReachable(2000);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      if (answered) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode port(JsonNode stats, String name) {
    for (JsonNode p : stats.get("ports")) {
      if (p.get("port").asString().equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no port " + name + " in " + stats);
  }

  /** A child's output, read on a thread of its own so the child never blocks on a full pipe. */
  private static final class Output {
    private final StringBuffer text = new StringBuffer();

    static Output of(InputStream in) {
      Output o = new Output();
      Thread.ofPlatform().daemon().start(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            o.text.append(line).append('\n');
          }
        } catch (IOException e) {
          o.text.append("(read failed: ").append(e).append(")\n");
        }
      });
      return o;
    }

    /** Everything up to and including the first line containing {@code marker}; fails with both streams if it never comes. */
    String awaitLine(String marker, Duration timeout, Process process, Output err) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        String now = text.toString();
        int at = now.indexOf(marker);
        if (at >= 0) {
          int end = now.indexOf('\n', at);
          return end < 0 ? now : now.substring(0, end + 1);
        }
        if (!process.isAlive() && this != err) {
          Thread.sleep(200);
          throw new AssertionError("the dataplane exited with " + process.exitValue() + " before '" + marker + "':\n"
              + text + err.text);
        }
        Thread.sleep(50);
      }
      throw new AssertionError("no '" + marker + "' within " + timeout + ":\n" + text + "\nstderr:\n" + err.text);
    }
  }
}
