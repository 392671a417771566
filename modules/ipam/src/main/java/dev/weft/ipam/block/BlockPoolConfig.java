package dev.weft.ipam.block;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpFamily;
import java.util.List;

/**
 * The cluster pools and how they are cut into per-node blocks.
 *
 * @param pools cluster CIDRs, at most one per family (dual stack = one IPv4 and one IPv6 pool)
 * @param ipv4BlockPrefix block length for IPv4 pools (default /26: 64 addresses)
 * @param ipv6BlockPrefix block length for IPv6 pools (default /122: 64 addresses)
 * @param strictAffinity when true a node never borrows from another node's block
 */
public record BlockPoolConfig(List<Cidr> pools, int ipv4BlockPrefix, int ipv6BlockPrefix, boolean strictAffinity) {
  public static final int DEFAULT_IPV4_BLOCK = 26;
  public static final int DEFAULT_IPV6_BLOCK = 122;
  /** Blocks hold at most 2^16 addresses, so a block's bitmap stays small. */
  static final int MAX_BLOCK_BITS = 16;

  public BlockPoolConfig {
    pools = List.copyOf(pools);
    if (pools.isEmpty()) {
      throw new IllegalArgumentException("at least one pool is needed");
    }
    for (int i = 0; i < pools.size(); i++) {
      for (int j = i + 1; j < pools.size(); j++) {
        if (pools.get(i).family() == pools.get(j).family()) {
          throw new IllegalArgumentException("one pool per family: " + pools.get(i) + " and " + pools.get(j));
        }
      }
      Cidr pool = pools.get(i);
      int block = pool.family() == IpFamily.IPV4 ? ipv4BlockPrefix : ipv6BlockPrefix;
      if (block < pool.prefixLength() || block > pool.family().bits()
          || pool.family().bits() - block > MAX_BLOCK_BITS) {
        throw new IllegalArgumentException("block length /" + block + " does not fit pool " + pool
            + " (it must be at least /" + pool.prefixLength() + " and hold at most 2^" + MAX_BLOCK_BITS + " addresses)");
      }
    }
  }

  public static BlockPoolConfig of(List<Cidr> pools, boolean strictAffinity) {
    return new BlockPoolConfig(pools, DEFAULT_IPV4_BLOCK, DEFAULT_IPV6_BLOCK, strictAffinity);
  }

  public int blockPrefix(IpFamily family) {
    return family == IpFamily.IPV4 ? ipv4BlockPrefix : ipv6BlockPrefix;
  }
}
