package dev.weft.ipam.testing;

import dev.weft.ipam.block.BlockAllocation;
import dev.weft.ipam.block.BlockAllocator;
import dev.weft.ipam.block.BlockPoolConfig;
import dev.weft.ipam.block.BlockStore;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The block allocator (without strict affinity), spreading owners over a few nodes. */
public final class BlockHarness implements AllocatorHarness {
  private final BlockAllocator allocator;
  private final BlockPoolConfig config;
  private final Map<String, List<IpAddress>> held = new HashMap<>();
  private final int nodes;
  private final Runnable cleanup;

  public BlockHarness(BlockPoolConfig config, BlockStore store, int nodes, Runnable cleanup) throws Exception {
    this.config = config;
    this.allocator = new BlockAllocator(config, store);
    this.nodes = nodes;
    this.cleanup = cleanup;
  }

  @Override
  public Optional<List<IpAddress>> allocate(String owner) throws Exception {
    String node = "node" + Math.floorMod(owner.hashCode(), nodes);
    List<BlockAllocation> all = allocator.allocateAll(node, owner);
    List<IpAddress> out = new ArrayList<>();
    for (BlockAllocation a : all) {
      if (!(a instanceof BlockAllocation.Allocated ok)) {
        return Optional.empty();
      }
      out.add(ok.address());
    }
    held.put(owner, out);
    return Optional.of(out);
  }

  @Override
  public void release(String owner) throws Exception {
    for (IpAddress ip : held.getOrDefault(owner, List.of())) {
      allocator.release(ip);
    }
    held.remove(owner);
  }

  @Override
  public int sets() {
    return config.pools().size();
  }

  @Override
  public Optional<Integer> setOf(IpAddress ip) {
    for (int i = 0; i < sets(); i++) {
      if (config.pools().get(i).contains(ip)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean isAllocatable(IpAddress ip) {
    Optional<Integer> set = setOf(ip);
    if (set.isEmpty()) {
      return false;
    }
    Cidr pool = config.pools().get(set.get());
    boolean broadcast = pool.family() == IpFamily.IPV4 && ip.equals(pool.last());
    return !ip.equals(pool.network()) && !broadcast;
  }

  @Override
  public long capacity(int set) {
    Cidr pool = config.pools().get(set);
    return pool.size().longValueExact() - (pool.family() == IpFamily.IPV4 ? 2 : 1);
  }

  @Override
  public void close() {
    cleanup.run();
  }
}
