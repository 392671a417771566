package dev.weft.ipam.block;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;

/** The outcome of one cluster allocation; exhaustion is a value, not an exception. */
public sealed interface BlockAllocation {

  /** @param borrowed taken from a block affine to another node (only without strict affinity) */
  record Allocated(IpAddress address, Cidr block, boolean borrowed) implements BlockAllocation {}

  /** Every block of the pool is claimed and full (or, with strict affinity, every block of this node). */
  record Exhausted(Cidr pool, String why) implements BlockAllocation {}
}
