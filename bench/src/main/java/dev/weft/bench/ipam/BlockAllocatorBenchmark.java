package dev.weft.bench.ipam;

import dev.weft.ipam.block.BlockAllocation;
import dev.weft.ipam.block.BlockAllocator;
import dev.weft.ipam.block.BlockPoolConfig;
import dev.weft.ipam.block.MemoryBlockStore;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpFamily;
import java.io.IOException;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cluster block allocator in process (memory store): allocate one address on a node and release it.
 * {@code nodes} nodes have each claimed a block and hold {@code perNode} addresses; the benchmark node
 * allocates from its own block, so this is the atomic-bitmap fast path plus the store records.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BlockAllocatorBenchmark {
  @Param({"100"})
  public int nodes;

  @Param({"40"})
  public int perNode;

  private BlockAllocator allocator;

  @Setup
  public void setup() throws IOException {
    allocator = new BlockAllocator(BlockPoolConfig.of(List.of(Cidr.parse("10.244.0.0/16")), false),
        new MemoryBlockStore());
    for (int n = 0; n < nodes; n++) {
      for (int i = 0; i < perNode; i++) {
        allocator.allocate("node" + n, "pod" + i, IpFamily.IPV4);
      }
    }
  }

  @Benchmark
  public BlockAllocation allocateRelease() throws IOException {
    BlockAllocation a = allocator.allocate("node0", "bench", IpFamily.IPV4);
    if (a instanceof BlockAllocation.Allocated ok) {
      allocator.release(ok.address());
    }
    return a;
  }

  /** Two threads on two nodes at once: the bitmaps and affinity are lock-free, the store is not. */
  @Benchmark
  @Threads(2)
  public BlockAllocation allocateReleaseTwoThreads() throws IOException {
    String node = "node" + (Thread.currentThread().threadId() & 1);
    BlockAllocation a = allocator.allocate(node, "bench", IpFamily.IPV4);
    if (a instanceof BlockAllocation.Allocated ok) {
      allocator.release(ok.address());
    }
    return a;
  }
}
