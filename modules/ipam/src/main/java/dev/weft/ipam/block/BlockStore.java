package dev.weft.ipam.block;

import dev.weft.model.value.Cidr;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The durable side of the cluster allocator. Affinity changes are compare-and-set, so two allocators
 * sharing a store (later: etcd, where this maps onto a transaction on the block key's revision) cannot
 * both claim one block. Allocation records are written after the in-memory bitmap claimed the address,
 * and undone in memory when the write fails.
 */
public interface BlockStore {

  /** Every block the store knows, for start-up. */
  List<BlockState> load() throws IOException;

  /** Sets the block's affinity to {@code next} when it is {@code expected}; false otherwise. */
  boolean compareAndSetAffinity(Cidr block, Optional<String> expected, Optional<String> next) throws IOException;

  void recordAllocation(Cidr block, int offset, String handle) throws IOException;

  void recordRelease(Cidr block, int offset) throws IOException;
}
