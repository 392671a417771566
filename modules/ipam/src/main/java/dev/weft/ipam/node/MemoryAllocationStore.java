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
    ns.ifPresent(p -> netns.put(ip, p));
    last.put(rangeSetIndex, ip);
    return true;
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
    return owners.remove(ip) != null;
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
