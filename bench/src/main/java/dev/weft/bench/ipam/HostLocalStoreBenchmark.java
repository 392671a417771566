package dev.weft.bench.ipam;

import dev.weft.cni.protocol.Attachment;
import dev.weft.ipam.disk.HostLocalStore;
import dev.weft.ipam.node.AllocationOutcome;
import dev.weft.ipam.node.NodeAllocator;
import dev.weft.ipam.range.IpRange;
import dev.weft.ipam.range.RangeSet;
import dev.weft.model.value.Cidr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Allocations through the on-disk host-local store, as weft-ipam makes them: flock, directory listing,
 * temp file + link(2), cursor rename; then the DEL (flock, listing, unlink). {@code held} addresses are
 * taken beforehand (the directory listing grows with them). The store lives under java.io.tmpdir.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class HostLocalStoreBenchmark {
  @Param({"0", "1000"})
  public int held;

  private Path dir;
  private NodeAllocator allocator;
  private long next;

  @Setup
  public void setup() throws IOException {
    dir = Files.createTempDirectory("wt-ipam-bench");
    allocator = new NodeAllocator(List.of(RangeSet.of(IpRange.ofSubnet(Cidr.parse("10.100.0.0/16")))),
        HostLocalStore.open(dir, "bench"));
    for (int i = 0; i < held; i++) {
      allocator.allocate(new Attachment("held" + i, "eth0"), List.of(), Optional.empty());
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public AllocationOutcome allocateRelease() throws IOException {
    Attachment owner = new Attachment("bench" + (next++), "eth0");
    AllocationOutcome o = allocator.allocate(owner, List.of(), Optional.empty());
    allocator.release(owner);
    return o;
  }
}
