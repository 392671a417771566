package dev.weft.ipam.block;

import dev.weft.model.value.Cidr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A block store in memory, for tests, benchmarks and a single controller that rebuilds its state. */
public final class MemoryBlockStore implements BlockStore {
  private final Map<Cidr, Optional<String>> affinity = new HashMap<>();
  private final Map<Cidr, Map<Integer, String>> allocations = new HashMap<>();

  @Override
  public synchronized List<BlockState> load() {
    List<BlockState> out = new ArrayList<>();
    for (Cidr c : affinity.keySet()) {
      out.add(new BlockState(c, affinity.get(c), allocations.getOrDefault(c, Map.of())));
    }
    return out;
  }

  @Override
  public synchronized boolean compareAndSetAffinity(Cidr block, Optional<String> expected, Optional<String> next) {
    if (!affinity.getOrDefault(block, Optional.empty()).equals(expected)) {
      return false;
    }
    affinity.put(block, next);
    return true;
  }

  @Override
  public synchronized void recordAllocation(Cidr block, int offset, String handle) {
    affinity.putIfAbsent(block, Optional.empty());
    allocations.computeIfAbsent(block, b -> new HashMap<>()).put(offset, handle);
  }

  @Override
  public synchronized void recordRelease(Cidr block, int offset) {
    Map<Integer, String> a = allocations.get(block);
    if (a != null) {
      a.remove(offset);
    }
  }
}
