package dev.weft.ipam.disk;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * An exclusive flock(2) on a file, held until {@link #close}. host-local (go-filemutex) locks its store
 * with flock(2); Java's FileChannel.lock uses fcntl record locks, which on Linux do not exclude flock
 * holders, so the lock is taken through the FFM API on a raw descriptor. The kernel drops the lock when
 * the descriptor closes, so a killed process never leaves the store locked.
 *
 * <p>Start-up cost matters here (weft-ipam is exec'd per pod and this is its only native code): the
 * linker generates code per distinct signature, so flock and close share one {@code int(int, int)}
 * handle (close ignores the second argument, which the SysV calling convention allows), and errno is
 * read through a second handle only when a call failed, instead of capturing call state on every call.
 */
public final class Flock implements AutoCloseable {
  private static final int O_RDONLY = 0;
  private static final int O_CREAT = 0100;
  private static final int O_CLOEXEC = 02000000;
  private static final int LOCK_EX = 2;
  private static final int EINTR = 4;

  private static final Linker LINKER = Linker.nativeLinker();
  private static final FunctionDescriptor INT_INT_INT = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT);
  private static final MethodHandle OPEN = downcall("open",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
  private static final MethodHandle FLOCK = downcall("flock", INT_INT_INT);
  private static final MethodHandle CLOSE = downcall("close", INT_INT_INT);

  private final int fd;

  private Flock(int fd) {
    this.fd = fd;
  }

  /** Opens (creating, mode 0644) and exclusively locks {@code file}, waiting for other holders. */
  public static Flock exclusive(Path file) throws IOException {
    int fd;
    try (Arena arena = Arena.ofConfined()) {
      fd = (int) OPEN.invokeExact(arena.allocateFrom(file.toString()), O_RDONLY | O_CREAT | O_CLOEXEC, 0644);
    } catch (Throwable t) {
      throw rethrow(t);
    }
    if (fd < 0) {
      throw new IOException("open " + file + ": errno " + Errno.last());
    }
    while (true) {
      int rc;
      try {
        rc = (int) FLOCK.invokeExact(fd, LOCK_EX);
      } catch (Throwable t) {
        throw rethrow(t);
      }
      if (rc == 0) {
        return new Flock(fd);
      }
      int errno = Errno.last();
      if (errno != EINTR) {
        closeQuietly(fd);
        throw new IOException("flock " + file + ": errno " + errno);
      }
    }
  }

  /** Closing the descriptor releases the lock. */
  @Override
  public void close() throws IOException {
    int rc;
    try {
      rc = (int) CLOSE.invokeExact(fd, 0);
    } catch (Throwable t) {
      throw rethrow(t);
    }
    if (rc != 0) {
      throw new IOException("close lock file: errno " + Errno.last());
    }
  }

  private static void closeQuietly(int fd) {
    try {
      int ignored = (int) CLOSE.invokeExact(fd, 0);
    } catch (Throwable ignored) {
      // already failing; the descriptor is closed at exit anyway
    }
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) {
      return r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException("native call failed", t);
  }

  static MethodHandle downcall(String name, FunctionDescriptor descriptor, Linker.Option... options) {
    MemorySegment symbol = LINKER.defaultLookup().find(name)
        .orElseThrow(() -> new IllegalStateException("libc has no " + name));
    return LINKER.downcallHandle(symbol, descriptor, options);
  }

  /**
   * errno of the failed call just made on this thread, read through {@code __errno_location}. Only the
   * error path pays for this handle. The JVM itself makes no libc call between our call and this read
   * that would set errno on success paths it does not also reset, and a stale value only affects the
   * message.
   */
  private static final class Errno {
    private static final MethodHandle LOCATION = downcall("__errno_location", FunctionDescriptor.of(ADDRESS));

    static int last() {
      try {
        MemorySegment p = (MemorySegment) LOCATION.invokeExact();
        return p.reinterpret(4).get(JAVA_INT, 0);
      } catch (Throwable t) {
        return -1;
      }
    }
  }
}
