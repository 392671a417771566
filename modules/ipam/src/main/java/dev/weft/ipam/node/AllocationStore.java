package dev.weft.ipam.node;

import dev.weft.cni.protocol.Attachment;
import dev.weft.model.value.IpAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where one network's node allocations live. Every method except {@link #locked} must be called inside
 * {@code locked}, which holds the store's exclusive lock (a flock for the on-disk store), so that the
 * allocator's read-then-reserve is not racy across processes; {@link #reserve} is still atomic on its own
 * (it never overwrites), so a writer that ignores the lock cannot make two owners of one address.
 *
 * <p>An owner whose {@code ifName} is empty was written by an old host-local that stored the container
 * ID alone.
 */
public interface AllocationStore {

  @FunctionalInterface
  interface Action<T> {
    T run() throws IOException;
  }

  <T> T locked(Action<T> action) throws IOException;

  /** Every address held, with its owner. */
  Map<IpAddress, Attachment> allocations() throws IOException;

  /** The addresses held by exactly {@code owner}, in address order. */
  default java.util.List<IpAddress> addressesOf(Attachment owner) throws IOException {
    java.util.List<IpAddress> out = new java.util.ArrayList<>();
    for (Map.Entry<IpAddress, Attachment> e : allocations().entrySet()) {
      if (e.getValue().equals(owner)) {
        out.add(e.getKey());
      }
    }
    out.sort(null);
    return out;
  }

  /** Takes {@code ip} for {@code owner}; false when it is already taken. Records it as range set's last. */
  boolean reserve(IpAddress ip, Attachment owner, int rangeSetIndex, Optional<Path> netns) throws IOException;

  /** The last address reserved in range set {@code rangeSetIndex}, the round-robin cursor. */
  Optional<IpAddress> lastReserved(int rangeSetIndex) throws IOException;

  /** Frees {@code ip}; false when it was not held. */
  boolean release(IpAddress ip) throws IOException;

  /** The network namespace recorded at ADD for {@code ip}, when this store recorded one. */
  Optional<Path> netns(IpAddress ip) throws IOException;
}
