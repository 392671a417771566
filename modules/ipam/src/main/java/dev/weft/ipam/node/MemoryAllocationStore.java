package dev.weft.ipam.node;

import dev.weft.cni.protocol.Attachment;
import dev.weft.model.value.IpAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/** An in-process store: for tests, benchmarks, and embedding the allocator in a daemon. */
public final class MemoryAllocationStore implements AllocationStore {
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<IpAddress, Attachment> owners = new HashMap<>();
  private final Map<IpAddress, Path> netns = new HashMap<>();
  private final Map<Integer, IpAddress> last = new HashMap<>();
  /** Owner to addresses, so that DEL and the duplicate check do not scan every allocation. */
  private final Map<Attachment, java.util.List<IpAddress>> byOwner = new HashMap<>();

  @Override
  public <T> T locked(Action<T> action) throws IOException {
    lock.lock();
    try {
      return action.run();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Map<IpAddress, Attachment> allocations() {
    checkLocked();
    return java.util.Collections.unmodifiableMap(owners);
  }

  @Override
  public boolean reserve(IpAddress ip, Attachment owner, int rangeSetIndex, Optional<Path> ns) {
    checkLocked();
    if (owners.putIfAbsent(ip, owner) != null) {
      return false;
    }
    byOwner.computeIfAbsent(owner, o -> new java.util.ArrayList<>(2)).add(ip);
    ns.ifPresent(p -> netns.put(ip, p));
    last.put(rangeSetIndex, ip);
    return true;
  }

  @Override
  public java.util.List<IpAddress> addressesOf(Attachment owner) {
    checkLocked();
    java.util.List<IpAddress> out = new java.util.ArrayList<>(byOwner.getOrDefault(owner, java.util.List.of()));
    out.sort(null);
    return out;
  }

  @Override
  public Optional<IpAddress> lastReserved(int rangeSetIndex) {
    checkLocked();
    return Optional.ofNullable(last.get(rangeSetIndex));
  }

  @Override
  public boolean release(IpAddress ip) {
    checkLocked();
    netns.remove(ip);
    Attachment owner = owners.remove(ip);
    if (owner == null) {
      return false;
    }
    java.util.List<IpAddress> mine = byOwner.get(owner);
    mine.remove(ip);
    if (mine.isEmpty()) {
      byOwner.remove(owner);
    }
    return true;
  }

  @Override
  public Optional<Path> netns(IpAddress ip) {
    checkLocked();
    return Optional.ofNullable(netns.get(ip));
  }

  private void checkLocked() {
    if (!lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("store used outside locked()");
    }
  }
}
