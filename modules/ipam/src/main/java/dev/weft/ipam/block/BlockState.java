package dev.weft.ipam.block;

import dev.weft.model.value.Cidr;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link BlockStore} keeps of one block: its node affinity and its allocations (offset in the
 * block to the owner handle).
 */
public record BlockState(Cidr cidr, Optional<String> affinity, Map<Integer, String> allocations) {
  public BlockState {
    allocations = Map.copyOf(allocations);
  }
}
