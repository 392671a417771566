package dev.weft.ipam.testing;

import dev.weft.model.value.IpAddress;
import java.util.List;
import java.util.Optional;

/**
 * One allocator under test, seen the same way whatever it is, so that the allocation properties run
 * against the node allocator (host-local model) and the cluster block allocator alike.
 */
public interface AllocatorHarness extends AutoCloseable {

  /** One address per range set (or pool), in order; empty when exhausted. Must not throw for exhaustion. */
  Optional<List<IpAddress>> allocate(String owner) throws Exception;

  void release(String owner) throws Exception;

  /** The number of range sets (node) or pools (block): the addresses each allocation returns. */
  int sets();

  /** Which set (or pool) an address belongs to; empty when it is in none. */
  Optional<Integer> setOf(IpAddress ip);

  /** Whether the address may be handed out at all (in range; not gateway, network or broadcast). */
  boolean isAllocatable(IpAddress ip);

  /** How many addresses set {@code i} can hand out. */
  long capacity(int set);

  @Override
  default void close() throws Exception {}
}
