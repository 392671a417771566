package dev.weft.bench.linux;

import dev.weft.linux.LinuxDriver;
import dev.weft.linux.Rtnetlink;
import dev.weft.linux.link.LinkOptions;
import dev.weft.linux.link.LinkSpec;
import dev.weft.linux.link.VethPeer;
import dev.weft.linux.neigh.FdbSpec;
import dev.weft.linux.netns.NetnsName;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.route.RouteSpec;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Vni;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Netlink operations per second through the FFM driver, in a scratch namespace {@code wtb…} that is
 * deleted on tear-down. Each create/add benchmark also deletes what it made, so one invocation is two
 * netlink requests (each with its ACK) and is reported per request ({@code @OperationsPerInvocation(2)}).
 * {@code ipCommand…} are the baseline the driver avoids: one {@code ip} process per request. Needs root; run only on a scratch machine or CI.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class NetlinkOpsBenchmark {
  private static final InterfaceName BRIDGE = InterfaceName.of("wtbbr0");
  private static final InterfaceName VXLAN = InterfaceName.of("wtbvx0");
  private static final InterfaceName VETH_A = InterfaceName.of("wtbva");
  private static final InterfaceName VETH_B = InterfaceName.of("wtbvb");
  private static final InterfaceName SCRATCH = InterfaceName.of("wtbbr1");
  private static final InterfaceAddress ADDRESS = InterfaceAddress.parse("10.123.0.1/24");
  private static final RouteSpec ROUTE = RouteSpec.to(Cidr.parse("10.124.0.0/16")).dev(BRIDGE);
  private static final FdbSpec FDB = FdbSpec.vxlan(VXLAN, Mac.parse("02:00:00:00:00:42"), IpAddress.parse("192.0.2.42"));

  private LinuxDriver driver;
  private NetnsRef.Named ns;
  private Rtnetlink rt;

  @Setup
  public void setup() throws IOException {
    String uid = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Uid:"))
        .findFirst().orElse("").split("\\s+")[1];
    if (!uid.equals("0")) {
      throw new IllegalStateException("NetlinkOpsBenchmark needs root: it creates a scratch network namespace");
    }
    driver = LinuxDriver.open();
    ns = driver.namespaces().create(NetnsName.of("wtb" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36)));
    rt = driver.rtnetlink(ns);
    rt.links().create(new LinkSpec.Bridge(BRIDGE, LinkOptions.DEFAULTS.withUp(true)));
    rt.links().create(LinkSpec.Vxlan.of(VXLAN, Vni.of(42)));
  }

  @TearDown
  public void tearDown() {
    rt.close();
    driver.namespaces().deleteIfExists(ns.name());
    driver.close();
  }

  @Benchmark
  @OperationsPerInvocation(2)
  public void vethPairCreateDelete() {
    rt.links().create(new LinkSpec.Veth(VETH_A, VethPeer.named(VETH_B), LinkOptions.DEFAULTS));
    rt.links().delete(VETH_A);
  }

  @Benchmark
  @OperationsPerInvocation(2)
  public void bridgeCreateDelete() {
    rt.links().create(new LinkSpec.Bridge(SCRATCH, LinkOptions.DEFAULTS));
    rt.links().delete(SCRATCH);
  }

  @Benchmark
  @OperationsPerInvocation(2)
  public void addressAddDelete() {
    rt.addresses().add(BRIDGE, ADDRESS);
    rt.addresses().delete(BRIDGE, ADDRESS);
  }

  @Benchmark
  @OperationsPerInvocation(2)
  public void routeAddDelete() {
    rt.routes().add(ROUTE);
    rt.routes().delete(ROUTE);
  }

  @Benchmark
  @OperationsPerInvocation(2)
  public void fdbAppendDelete() {
    rt.fdb().append(FDB);
    rt.fdb().delete(FDB);
  }

  @Benchmark
  public Object linkGetByName() {
    return rt.links().get(BRIDGE);
  }

  @Benchmark
  @OperationsPerInvocation(2)
  public void ipCommandBridgeAddDelete() throws IOException, InterruptedException {
    run(List.of("ip", "-n", ns.name().value(), "link", "add", SCRATCH.value(), "type", "bridge"));
    run(List.of("ip", "-n", ns.name().value(), "link", "del", SCRATCH.value()));
  }

  @Benchmark
  @OperationsPerInvocation(2)
  public void ipCommandAddressAddDelete() throws IOException, InterruptedException {
    run(List.of("ip", "-n", ns.name().value(), "addr", "add", ADDRESS.toString(), "dev", BRIDGE.value()));
    run(List.of("ip", "-n", ns.name().value(), "addr", "del", ADDRESS.toString(), "dev", BRIDGE.value()));
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed");
    }
  }
}
