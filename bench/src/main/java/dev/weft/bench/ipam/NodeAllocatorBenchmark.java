package dev.weft.bench.ipam;

import dev.weft.cni.protocol.Attachment;
import dev.weft.ipam.node.AllocationOutcome;
import dev.weft.ipam.node.MemoryAllocationStore;
import dev.weft.ipam.node.NodeAllocator;
import dev.weft.ipam.range.IpRange;
import dev.weft.ipam.range.RangeSet;
import dev.weft.model.value.Cidr;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The node allocator (host-local's algorithm) in process, on the in-memory store: one ADD's allocation
 * and its DEL per operation, with {@code held} addresses of a /16 already taken by other attachments.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NodeAllocatorBenchmark {
  @Param({"0", "1000", "30000"})
  public int held;

  private NodeAllocator allocator;
  private Attachment[] owners;
  private int next;

  @Setup
  public void setup() throws IOException {
    allocator = new NodeAllocator(List.of(RangeSet.of(IpRange.ofSubnet(Cidr.parse("10.100.0.0/16")))),
        new MemoryAllocationStore());
    for (int i = 0; i < held; i++) {
      allocator.allocate(new Attachment("held" + i, "eth0"), List.of(), Optional.empty());
    }
    owners = new Attachment[1024];
    for (int i = 0; i < owners.length; i++) {
      owners[i] = new Attachment("bench" + i, "eth0");
    }
  }

  @Benchmark
  public AllocationOutcome allocateRelease() throws IOException {
    Attachment owner = owners[next++ & 1023];
    AllocationOutcome o = allocator.allocate(owner, List.of(), Optional.empty());
    allocator.release(owner);
    return o;
  }
}
