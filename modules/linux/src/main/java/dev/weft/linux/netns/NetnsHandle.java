package dev.weft.linux.netns;

import dev.weft.linux.sys.Libc;
import dev.weft.linux.sys.Linux;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * An open file descriptor on a namespace file, for {@code setns} or IFLA_NET_NS_FD. An open handle
 * keeps the namespace alive even after its name is deleted, so close it promptly.
 */
public final class NetnsHandle implements AutoCloseable {
  private final int fd;
  private final String description;
  private boolean closed;

  private NetnsHandle(int fd, String description) {
    this.fd = fd;
    this.description = description;
  }

  /** Opens {@code path} read-only; a missing file becomes {@link dev.weft.linux.error.NotFoundException}. */
  public static NetnsHandle open(Path path, String description) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment errno = Libc.errnoSlot(arena);
      int fd = Libc.open(errno, path.toString(), Linux.O_RDONLY | Linux.O_CLOEXEC, 0, arena, "open " + description);
      return new NetnsHandle(fd, description);
    }
  }

  public int fd() {
    if (closed) {
      throw new IllegalStateException(description + " handle is closed");
    }
    return fd;
  }

  public String description() {
    return description;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      try (Arena arena = Arena.ofConfined()) {
        Libc.close(Libc.errnoSlot(arena), fd);
      }
    }
  }
}
