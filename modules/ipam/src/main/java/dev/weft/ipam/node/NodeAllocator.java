package dev.weft.ipam.node;

import dev.weft.cni.protocol.Attachment;
import dev.weft.ipam.node.AllocationOutcome.Allocated;
import dev.weft.ipam.node.AllocationOutcome.Exhausted;
import dev.weft.ipam.node.AllocationOutcome.Reason;
import dev.weft.ipam.range.Addresses;
import dev.weft.ipam.range.IpRange;
import dev.weft.ipam.range.RangeSet;
import dev.weft.model.value.IpAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * host-local's allocator, one address per range set.
 *
 * <p>Design: every operation runs inside {@link AllocationStore#locked}, reads the store's allocations
 * once, and then reserves. Round robin follows host-local exactly: start after {@code last_reserved_ip.N}
 * when that address is still in range set N (else at the first range's start), walk the ranges in order,
 * wrap around, and stop when back at the start, so a freed address is reused only after the whole set has
 * been walked (a crash-looping pod does not get its old address back). Unlike host-local, the network and
 * IPv4 broadcast addresses are skipped even when rangeStart/rangeEnd include them.
 *
 * <p>Cost: one store listing per call plus, per range set, steps up to the number of held addresses
 * (each step skips a held one) before a free address is found; a full range costs one walk of its size.
 */
public final class NodeAllocator {
  private final List<RangeSet> rangeSets;
  private final AllocationStore store;

  public NodeAllocator(List<RangeSet> rangeSets, AllocationStore store) {
    this.rangeSets = List.copyOf(rangeSets);
    this.store = store;
  }

  public List<RangeSet> rangeSets() {
    return rangeSets;
  }

  /** ADD: one address per range set; requested addresses go to the range set that contains them. */
  public AllocationOutcome allocate(Attachment owner, Collection<IpAddress> requested, Optional<Path> netns)
      throws IOException {
    return store.locked(() -> {
      Map<IpAddress, Attachment> held = store.allocations();
      List<IpAddress> wanted = new ArrayList<>(requested);
      List<Lease> leases = new ArrayList<>();
      for (int i = 0; i < rangeSets.size(); i++) {
        AllocationOutcome step = allocateIn(i, owner, takeRequested(rangeSets.get(i), wanted), held, netns);
        if (step instanceof Allocated a) {
          leases.addAll(a.leases());
        } else {
          undo(leases);
          return step;
        }
      }
      if (!wanted.isEmpty()) {
        undo(leases);
        return AllocationOutcome.rejected(Reason.NOT_IN_RANGE, wanted.getFirst(),
            "is not in any range set (" + rangeSets + ")");
      }
      return new Allocated(leases);
    });
  }

  private AllocationOutcome allocateIn(int index, Attachment owner, Optional<IpAddress> requested,
      Map<IpAddress, Attachment> held, Optional<Path> netns) throws IOException {
    RangeSet set = rangeSets.get(index);
    if (requested.isPresent()) {
      IpAddress ip = requested.get();
      IpRange range = set.rangeFor(ip).orElseThrow();
      if (!range.isAllocatable(ip)) {
        return AllocationOutcome.rejected(Reason.RESERVED, ip,
            "is the gateway, network or broadcast address of " + range.subnet());
      }
      Attachment holder = held.get(ip);
      if (holder != null || !store.reserve(ip, owner, index, netns)) {
        return AllocationOutcome.rejected(Reason.TAKEN, ip, "is not available in range set " + set
            + (holder != null ? " (held by " + holder + ")" : ""));
      }
      return new Allocated(List.of(new Lease(ip, range)));
    }
    for (IpAddress mine : store.addressesOf(owner)) {
      if (set.contains(mine)) {
        return new AllocationOutcome.Rejected(Reason.DUPLICATE, mine + " has been allocated to "
            + owner + ", duplicate allocation is not allowed");
      }
    }
    Optional<Lease> lease = reserveNextFree(index, owner, held, netns);
    return lease.<AllocationOutcome>map(l -> new Allocated(List.of(l))).orElseGet(() -> new Exhausted(index, set));
  }

  private Optional<Lease> reserveNextFree(int index, Attachment owner, Map<IpAddress, Attachment> held,
      Optional<Path> netns) throws IOException {
    List<IpRange> ranges = rangeSets.get(index).ranges();
    Optional<IpAddress> last = store.lastReserved(index).filter(rangeSets.get(index)::contains);
    int r = 0;
    IpAddress cur = ranges.getFirst().start();
    if (last.isPresent()) {
      while (!ranges.get(r).contains(last.get())) {
        r++;
      }
      cur = last.get();
      if (cur.equals(ranges.get(r).end())) {
        r = (r + 1) % ranges.size();
        cur = ranges.get(r).start();
      } else {
        cur = Addresses.next(cur);
      }
    }
    IpAddress first = cur;
    int firstRange = r;
    do {
      IpRange range = ranges.get(r);
      if (range.isAllocatable(cur) && !held.containsKey(cur) && store.reserve(cur, owner, index, netns)) {
        return Optional.of(new Lease(cur, range));
      }
      if (cur.equals(range.end())) {
        r = (r + 1) % ranges.size();
        cur = ranges.get(r).start();
      } else {
        cur = Addresses.next(cur);
      }
    } while (r != firstRange || !cur.equals(first));
    return Optional.empty();
  }

  private static Optional<IpAddress> takeRequested(RangeSet set, List<IpAddress> wanted) {
    for (Iterator<IpAddress> it = wanted.iterator(); it.hasNext(); ) {
      IpAddress ip = it.next();
      if (set.contains(ip)) {
        it.remove();
        return Optional.of(ip);
      }
    }
    return Optional.empty();
  }

  private void undo(List<Lease> leases) throws IOException {
    for (Lease l : leases) {
      store.release(l.address());
    }
  }

  /**
   * DEL: frees every address held by {@code owner}; addresses written by an old host-local with the
   * container ID alone are freed when nothing matches exactly (as host-local does). Idempotent.
   */
  public List<IpAddress> release(Attachment owner) throws IOException {
    return store.locked(() -> {
      List<IpAddress> mine = heldBy(owner);
      for (IpAddress ip : mine) {
        store.release(ip);
      }
      return mine;
    });
  }

  /** The addresses {@code owner} holds (CHECK). */
  public List<IpAddress> addressesOf(Attachment owner) throws IOException {
    return store.locked(() -> heldBy(owner));
  }

  private List<IpAddress> heldBy(Attachment owner) throws IOException {
    List<IpAddress> exact = store.addressesOf(owner);
    return exact.isEmpty() ? store.addressesOf(new Attachment(owner.containerId(), "")) : exact;
  }

  /**
   * GC: frees every address whose owner is not in {@code valid} and, when {@code reclaimMissingNetns},
   * every address whose recorded network namespace no longer exists (it was removed, or the node
   * rebooted). An old-format owner (container ID only) is valid when any valid attachment has its ID.
   */
  public GcReport collectGarbage(Collection<Attachment> valid, boolean reclaimMissingNetns) throws IOException {
    return store.locked(() -> {
      List<IpAddress> freed = new ArrayList<>();
      List<String> errors = new ArrayList<>();
      for (Map.Entry<IpAddress, Attachment> e : Map.copyOf(store.allocations()).entrySet()) {
        try {
          if (!isValid(e.getValue(), valid) || (reclaimMissingNetns && netnsGone(e.getKey()))) {
            store.release(e.getKey());
            freed.add(e.getKey());
          }
        } catch (IOException failure) {
          errors.add(e.getKey() + " (" + e.getValue() + "): " + failure.getMessage());
        }
      }
      freed.sort(null);
      return new GcReport(freed, errors);
    });
  }

  /** Frees addresses whose recorded network namespace no longer exists (the opt-in reboot-aware sweep). */
  public List<IpAddress> reclaimMissingNetns() throws IOException {
    return store.locked(() -> {
      List<IpAddress> freed = new ArrayList<>();
      for (IpAddress ip : List.copyOf(store.allocations().keySet())) {
        if (netnsGone(ip)) {
          store.release(ip);
          freed.add(ip);
        }
      }
      freed.sort(null);
      return freed;
    });
  }

  private boolean netnsGone(IpAddress ip) throws IOException {
    Optional<Path> ns = store.netns(ip);
    return ns.isPresent() && !Files.exists(ns.get());
  }

  private static boolean isValid(Attachment owner, Collection<Attachment> valid) {
    if (owner.ifName().isEmpty()) {
      return valid.stream().anyMatch(v -> v.containerId().equals(owner.containerId()));
    }
    return valid.contains(owner);
  }
}
