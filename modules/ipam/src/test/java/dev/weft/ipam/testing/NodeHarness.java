package dev.weft.ipam.testing;

import dev.weft.cni.protocol.Attachment;
import dev.weft.ipam.node.AllocationOutcome;
import dev.weft.ipam.node.AllocationStore;
import dev.weft.ipam.node.Lease;
import dev.weft.ipam.node.NodeAllocator;
import dev.weft.ipam.range.IpRange;
import dev.weft.ipam.range.RangeSet;
import dev.weft.model.value.IpAddress;
import java.util.List;
import java.util.Optional;

/** The node allocator on any store. */
public final class NodeHarness implements AllocatorHarness {
  private final NodeAllocator allocator;
  private final Runnable cleanup;

  public NodeHarness(List<RangeSet> sets, AllocationStore store, Runnable cleanup) {
    this.allocator = new NodeAllocator(sets, store);
    this.cleanup = cleanup;
  }

  @Override
  public Optional<List<IpAddress>> allocate(String owner) throws Exception {
    AllocationOutcome o = allocator.allocate(new Attachment(owner, "eth0"), List.of(), Optional.empty());
    return switch (o) {
      case AllocationOutcome.Allocated a -> Optional.of(a.leases().stream().map(Lease::address).toList());
      case AllocationOutcome.Exhausted e -> Optional.empty();
      case AllocationOutcome.Rejected r -> throw new AssertionError("unexpected rejection: " + r);
    };
  }

  @Override
  public void release(String owner) throws Exception {
    allocator.release(new Attachment(owner, "eth0"));
  }

  @Override
  public int sets() {
    return allocator.rangeSets().size();
  }

  @Override
  public Optional<Integer> setOf(IpAddress ip) {
    for (int i = 0; i < sets(); i++) {
      if (allocator.rangeSets().get(i).contains(ip)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** Computed here from the range's fields, not with the code under test. */
  @Override
  public boolean isAllocatable(IpAddress ip) {
    return allocator.rangeSets().stream().flatMap(s -> s.ranges().stream()).anyMatch(r -> allowed(r, ip));
  }

  private static boolean allowed(IpRange r, IpAddress ip) {
    boolean inRange = ip.family() == r.family() && ip.compareTo(r.start()) >= 0 && ip.compareTo(r.end()) <= 0;
    boolean broadcast = ip.isIpv4() && ip.equals(r.subnet().last());
    return inRange && !ip.equals(r.gateway()) && !ip.equals(r.subnet().network()) && !broadcast;
  }

  @Override
  public long capacity(int set) {
    long n = 0;
    for (IpRange r : allocator.rangeSets().get(set).ranges()) {
      for (IpAddress a = r.start(); ; a = dev.weft.ipam.range.Addresses.next(a)) {
        if (allowed(r, a)) {
          n++;
        }
        if (a.equals(r.end())) {
          break;
        }
      }
    }
    return n;
  }

  @Override
  public void close() {
    cleanup.run();
  }
}
