package dev.weft.ipam.block;

import dev.weft.ipam.range.Addresses;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One block in memory: a bitmap of its addresses, the owner of each claimed one, and the node it is
 * affine to. Slots the pool must never hand out (its network and IPv4 broadcast address) are claimed at
 * creation and have no owner.
 */
final class Block {
  private static final String NONE = "";

  private final Cidr cidr;
  private final AtomicBitmap bits;
  private final AtomicReferenceArray<String> owners;
  private final AtomicReference<String> affinity = new AtomicReference<>(NONE);
  private final AtomicInteger hint = new AtomicInteger();

  Block(Cidr cidr, Cidr pool) {
    this.cidr = cidr;
    int size = 1 << (cidr.family().bits() - cidr.prefixLength());
    this.bits = new AtomicBitmap(size);
    this.owners = new AtomicReferenceArray<>(size);
    if (cidr.contains(pool.network())) {
      bits.claim(0);
    }
    if (pool.family() == IpFamily.IPV4
        && cidr.contains(Addresses.plus(pool.network(), pool.size().longValue() - 1))) {
      bits.claim(size - 1); // the pool's broadcast address
    }
  }

  Cidr cidr() {
    return cidr;
  }

  Optional<String> affinity() {
    String a = affinity.get();
    return a.isEmpty() ? Optional.empty() : Optional.of(a);
  }

  boolean casAffinity(Optional<String> expected, Optional<String> next) {
    return affinity.compareAndSet(expected.orElse(NONE), next.orElse(NONE));
  }

  void setAffinity(Optional<String> node) {
    affinity.set(node.orElse(NONE));
  }

  /** Claims a free slot for {@code owner}; the hint spreads consecutive claims (round robin). */
  OptionalInt claim(String owner) {
    OptionalInt slot = bits.claimFirstClear(hint.get());
    if (slot.isPresent()) {
      owners.set(slot.getAsInt(), owner);
      hint.set(slot.getAsInt() + 1);
    }
    return slot;
  }

  /** Marks a slot taken as the store recorded it (start-up). */
  void restore(int slot, String owner) {
    bits.claim(slot);
    owners.set(slot, owner);
  }

  /** Frees a slot; false when it was free or is reserved. */
  boolean free(int slot) {
    String owner = owners.getAndSet(slot, null);
    if (owner == null) {
      return false;
    }
    return bits.clear(slot);
  }

  Optional<String> owner(int slot) {
    return Optional.ofNullable(owners.get(slot));
  }

  int size() {
    return bits.size();
  }

  boolean isFull() {
    return bits.cardinality() == bits.size();
  }

  IpAddress address(int slot) {
    return Addresses.plus(cidr.network(), slot);
  }

  int slotOf(IpAddress ip) {
    return (int) Addresses.distance(cidr.network(), ip);
  }

  int held() {
    int n = 0;
    for (int i = 0; i < owners.length(); i++) {
      if (owners.get(i) != null) {
        n++;
      }
    }
    return n;
  }
}
