package dev.weft.ipam.disk;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;

/**
 * An exclusive flock(2) on a file, held until {@link #close}. host-local (go-filemutex) locks its store
 * with flock(2); Java's FileChannel.lock uses fcntl record locks, which on Linux do not exclude flock
 * holders, so the lock is taken through the FFM API on a raw descriptor. The kernel drops the lock when
 * the descriptor closes, so a killed process never leaves the store locked.
 */
public final class Flock implements AutoCloseable {
  private static final int O_RDONLY = 0;
  private static final int O_CREAT = 0100;
  private static final int O_CLOEXEC = 02000000;
  private static final int LOCK_EX = 2;
  private static final int EINTR = 4;

  private static final Linker LINKER = Linker.nativeLinker();
  private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO =
      CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
  private static final MethodHandle OPEN = downcall("open",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
  private static final MethodHandle FLOCK = downcall("flock", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
  private static final MethodHandle CLOSE = downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));

  private final int fd;

  private Flock(int fd) {
    this.fd = fd;
  }

  /** Opens (creating, mode 0644) and exclusively locks {@code file}, waiting for other holders. */
  public static Flock exclusive(Path file) throws IOException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment errno = arena.allocate(CAPTURE);
      MemorySegment path = arena.allocateFrom(file.toString());
      int fd = (int) OPEN.invokeExact(errno, path, O_RDONLY | O_CREAT | O_CLOEXEC, 0644);
      if (fd < 0) {
        throw new IOException("open " + file + ": errno " + errnoOf(errno));
      }
      while (true) {
        int rc = (int) FLOCK.invokeExact(errno, fd, LOCK_EX);
        if (rc == 0) {
          return new Flock(fd);
        }
        int e = errnoOf(errno);
        if (e != EINTR) {
          int ignored = (int) CLOSE.invokeExact(errno, fd);
          throw new IOException("flock " + file + ": errno " + e);
        }
      }
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("native call failed", t);
    }
  }

  /** Closing the descriptor releases the lock. */
  @Override
  public void close() throws IOException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment errno = arena.allocate(CAPTURE);
      int rc = (int) CLOSE.invokeExact(errno, fd);
      if (rc != 0) {
        throw new IOException("close lock file: errno " + errnoOf(errno));
      }
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("native call failed", t);
    }
  }

  private static int errnoOf(MemorySegment capture) {
    return (int) ERRNO.get(capture, 0L);
  }

  private static MethodHandle downcall(String name, FunctionDescriptor fd, Linker.Option... extra) {
    Linker.Option[] options = new Linker.Option[extra.length + 1];
    options[0] = Linker.Option.captureCallState("errno");
    System.arraycopy(extra, 0, options, 1, extra.length);
    MemorySegment symbol = LINKER.defaultLookup().find(name)
        .orElseThrow(() -> new IllegalStateException("libc has no " + name));
    return LINKER.downcallHandle(symbol, fd, options);
  }
}
