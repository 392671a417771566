package dev.weft.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.ipam.testing.AllocatorHarness;
import dev.weft.ipam.testing.HarnessSpec;
import dev.weft.model.value.IpAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The allocation contract, run against the node allocator (memory and host-local disk stores) and the
 * cluster block allocator (memory and file stores) alike.
 */
class AllocatorProperties {

  @Provide
  Arbitrary<HarnessSpec> specs() {
    return HarnessSpec.specs();
  }

  /** A run of operations: true = allocate for a new owner, false = release a random held owner. */
  @Provide
  Arbitrary<List<Integer>> operations() {
    return Arbitraries.integers().between(-3, 9).list().ofMinSize(1).ofMaxSize(80);
  }

  @Property(tries = 150)
  void heldAddressesAreUniqueAllowedAndOnePerSet(@ForAll("specs") HarnessSpec spec,
      @ForAll("operations") List<Integer> ops) throws Exception {
    try (AllocatorHarness h = spec.open()) {
      Map<String, List<IpAddress>> held = new HashMap<>();
      int counter = 0;
      for (int op : ops) {
        if (op < 0 && !held.isEmpty()) {
          String victim = new ArrayList<>(held.keySet()).get(Math.floorMod(op * 31 + held.size(), held.size()));
          h.release(victim);
          held.remove(victim);
          continue;
        }
        String owner = "c" + counter++;
        Optional<List<IpAddress>> got = h.allocate(owner);
        Set<IpAddress> inUse = new HashSet<>();
        held.values().forEach(inUse::addAll);
        if (got.isEmpty()) {
          assertThat(anySetFull(h, held)).as("exhaustion reported only when a set is full").isTrue();
          continue;
        }
        List<IpAddress> addresses = got.get();
        assertThat(addresses).hasSize(h.sets());
        for (int i = 0; i < addresses.size(); i++) {
          IpAddress ip = addresses.get(i);
          assertThat(h.setOf(ip)).as("address %s comes from set %d", ip, i).contains(i);
          assertThat(h.isAllocatable(ip)).as("%s is allocatable", ip).isTrue();
          assertThat(inUse).as("%s is not held by anyone else", ip).doesNotContain(ip);
        }
        held.put(owner, addresses);
      }
    }
  }

  @Property(tries = 80)
  void exhaustionIsReportedAtCapacityAndReleaseMakesRoom(@ForAll("specs") HarnessSpec spec) throws Exception {
    try (AllocatorHarness h = spec.open()) {
      long capacity = Long.MAX_VALUE;
      for (int s = 0; s < h.sets(); s++) {
        capacity = Math.min(capacity, h.capacity(s));
      }
      Set<IpAddress> seen = new HashSet<>();
      for (int i = 0; i < capacity; i++) {
        Optional<List<IpAddress>> got = h.allocate("c" + i);
        assertThat(got).as("allocation %d of %d", i, capacity).isPresent();
        assertThat(seen.addAll(got.get())).isTrue();
      }
      if (allSetsEqual(h)) {
        assertThat(h.allocate("one-too-many")).isEmpty();
        h.release("c0");
        assertThat(h.allocate("after-release")).isPresent();
      }
    }
  }

  private static boolean allSetsEqual(AllocatorHarness h) {
    for (int s = 1; s < h.sets(); s++) {
      if (h.capacity(s) != h.capacity(0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean anySetFull(AllocatorHarness h, Map<String, List<IpAddress>> held) {
    for (int s = 0; s < h.sets(); s++) {
      int set = s;
      long inSet = held.values().stream().flatMap(List::stream).filter(ip -> h.setOf(ip).equals(Optional.of(set))).count();
      if (inSet == h.capacity(s)) {
        return true;
      }
    }
    return false;
  }
}
