package dev.weft.ipam.block;

import dev.weft.ipam.block.BlockAllocation.Allocated;
import dev.weft.ipam.block.BlockAllocation.Exhausted;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The cluster allocator: pools are cut into blocks (/26 and /122 by default) and each node allocates from
 * blocks affine to it.
 *
 * <p>Design: allocation tries, in order, (1) the node's own blocks, (2) claiming an unclaimed block
 * (affinity compare-and-set, in memory and then in the {@link BlockStore}), (3) unless strict affinity is
 * on, borrowing a free address from any other block. Inside a block an address is taken by an atomic
 * bitmap claim, so there is no check-then-act anywhere: two threads (or, through the store's
 * compare-and-set, two allocators) never get the same address or block. Releasing a node frees every
 * address it took and drops its affinity, so its blocks return to the pool (a block that still holds
 * addresses borrowed by other nodes can be claimed again as it is).
 *
 * <p>Cost: step (1) is O(blocks of the node); (2) scans blocks in address order from the start of the
 * pool, O(claimed blocks); (3) O(blocks). Memory is one bit and one reference per address of a claimed
 * block.
 */
public final class BlockAllocator {
  private final BlockPoolConfig config;
  private final BlockStore store;
  /** Blocks by network address, ordered so that scans go in address order. */
  private final ConcurrentSkipListMap<Cidr, Block> blocks = new ConcurrentSkipListMap<>();
  private final Map<String, List<Block>> byNode = new ConcurrentHashMap<>();

  public BlockAllocator(BlockPoolConfig config, BlockStore store) throws IOException {
    this.config = config;
    this.store = store;
    for (BlockState s : store.load()) {
      Block b = block(s.cidr());
      b.setAffinity(s.affinity());
      s.affinity().ifPresent(n -> nodeBlocks(n).add(b));
      s.allocations().forEach(b::restore);
    }
  }

  public BlockPoolConfig config() {
    return config;
  }

  /** One address of {@code family} for {@code handle} (e.g. a pod) on {@code node}. */
  public BlockAllocation allocate(String node, String handle, IpFamily family) throws IOException {
    Cidr pool = pool(family).orElseThrow(() -> new IllegalArgumentException("no " + family + " pool"));
    String owner = node + "/" + handle;
    for (Block b : List.copyOf(nodeBlocks(node))) {
      if (b.cidr().family() == family && b.affinity().equals(Optional.of(node))) {
        Optional<Allocated> a = claimIn(b, owner, false);
        if (a.isPresent()) {
          return a.get();
        }
      }
    }
    int prefix = config.blockPrefix(family);
    BigInteger count = BigInteger.ONE.shiftLeft(prefix - pool.prefixLength());
    BigInteger step = BigInteger.ONE.shiftLeft(family.bits() - prefix);
    for (BigInteger i = BigInteger.ZERO; i.compareTo(count) < 0; i = i.add(BigInteger.ONE)) {
      Cidr cidr = new Cidr(IpAddress.fromBigInteger(family, pool.network().toBigInteger().add(i.multiply(step))), prefix);
      Block b = block(cidr);
      if (b.affinity().isEmpty() && !b.isFull() && claimBlock(b, node)) {
        Optional<Allocated> a = claimIn(b, owner, false);
        if (a.isPresent()) {
          return a.get();
        }
      }
    }
    if (!config.strictAffinity()) {
      for (Block b : blocks.values()) {
        if (b.cidr().family() == family && !b.affinity().equals(Optional.of(node))) {
          Optional<Allocated> a = claimIn(b, owner, true);
          if (a.isPresent()) {
            return a.get();
          }
        }
      }
    }
    return new Exhausted(pool, config.strictAffinity()
        ? "every block of " + pool + " is claimed and node " + node + "'s blocks are full (strict affinity)"
        : "every address of " + pool + " is allocated");
  }

  /** One address per pool (dual stack: an IPv4 and an IPv6 address); on exhaustion nothing is kept. */
  public List<BlockAllocation> allocateAll(String node, String handle) throws IOException {
    List<BlockAllocation> out = new ArrayList<>();
    for (Cidr pool : config.pools()) {
      BlockAllocation a = allocate(node, handle, pool.family());
      out.add(a);
      if (a instanceof Exhausted) {
        for (BlockAllocation done : out) {
          if (done instanceof Allocated ok) {
            release(ok.address());
          }
        }
        return List.of(a);
      }
    }
    return out;
  }

  /** Frees one address; false when it was not allocated. */
  public boolean release(IpAddress address) throws IOException {
    Optional<Cidr> pool = pool(address.family()).filter(p -> p.contains(address));
    if (pool.isEmpty()) {
      return false;
    }
    Block b = blocks.get(Cidr.containing(address, config.blockPrefix(address.family())));
    if (b == null) {
      return false;
    }
    int slot = b.slotOf(address);
    if (!b.free(slot)) {
      return false;
    }
    store.recordRelease(b.cidr(), slot);
    return true;
  }

  /** Frees every address the node took and drops its affinity, returning its blocks to the pool. */
  public List<Cidr> releaseNode(String node) throws IOException {
    String prefix = node + "/";
    for (Block b : blocks.values()) {
      for (int slot = 0; slot < b.size(); slot++) {
        if (b.owner(slot).filter(o -> o.startsWith(prefix)).isPresent() && b.free(slot)) {
          store.recordRelease(b.cidr(), slot);
        }
      }
    }
    List<Cidr> freed = new ArrayList<>();
    List<Block> mine = byNode.remove(node);
    for (Block b : mine == null ? List.<Block>of() : mine) {
      if (b.casAffinity(Optional.of(node), Optional.empty())) {
        store.compareAndSetAffinity(b.cidr(), Optional.of(node), Optional.empty());
        freed.add(b.cidr());
      }
    }
    freed.sort(null);
    return freed;
  }

  /** The blocks affine to {@code node}, in address order. */
  public List<Cidr> blocksOf(String node) {
    List<Cidr> out = new ArrayList<>();
    for (Block b : blocks.values()) {
      if (b.affinity().equals(Optional.of(node))) {
        out.add(b.cidr());
      }
    }
    return out;
  }

  /** The owner ("node/handle") of an address, when it is allocated. */
  public Optional<String> owner(IpAddress address) {
    Block b = blocks.get(Cidr.containing(address, config.blockPrefix(address.family())));
    return b == null ? Optional.empty() : b.owner(b.slotOf(address));
  }

  private Optional<Allocated> claimIn(Block b, String owner, boolean borrowed) throws IOException {
    OptionalInt slot = b.claim(owner);
    if (slot.isEmpty()) {
      return Optional.empty();
    }
    try {
      store.recordAllocation(b.cidr(), slot.getAsInt(), owner);
    } catch (IOException | RuntimeException e) {
      b.free(slot.getAsInt());
      throw e;
    }
    return Optional.of(new Allocated(b.address(slot.getAsInt()), b.cidr(), borrowed));
  }

  private boolean claimBlock(Block b, String node) throws IOException {
    if (!b.casAffinity(Optional.empty(), Optional.of(node))) {
      return false;
    }
    if (!store.compareAndSetAffinity(b.cidr(), Optional.empty(), Optional.of(node))) {
      b.casAffinity(Optional.of(node), Optional.empty());
      return false;
    }
    nodeBlocks(node).add(b);
    return true;
  }

  private Block block(Cidr cidr) {
    return blocks.computeIfAbsent(cidr, c -> new Block(c, pool(c.family()).orElseThrow()));
  }

  private List<Block> nodeBlocks(String node) {
    return byNode.computeIfAbsent(node, n -> new java.util.concurrent.CopyOnWriteArrayList<>());
  }

  private Optional<Cidr> pool(IpFamily family) {
    return config.pools().stream().filter(p -> p.family() == family).findFirst();
  }
}
