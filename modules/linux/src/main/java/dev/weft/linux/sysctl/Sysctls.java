package dev.weft.linux.sysctl;

import dev.weft.linux.error.DriverException;
import dev.weft.linux.error.NamespaceThreadException;
import dev.weft.linux.error.PermissionDeniedException;
import dev.weft.linux.netns.NamespaceThreads;
import dev.weft.linux.netns.NetnsId;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.sys.Libc;
import dev.weft.linux.sys.Linux;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads and writes {@code /proc/sys/net/...} inside a namespace. The files under /proc/sys/net belong
 * to the namespace of the thread that <em>opens</em> them, so open, read/write and close all happen on
 * a namespace thread after setns. Writing in the home namespace is refused unless this instance was
 * built with {@link #allowingHome}: the host's sysctls are not weft's to change by accident.
 */
public final class Sysctls {
  private final NamespaceThreads threads;
  private final boolean allowHome;

  public Sysctls(NamespaceThreads threads) {
    this(threads, false);
  }

  private Sysctls(NamespaceThreads threads, boolean allowHome) {
    this.threads = threads;
    this.allowHome = allowHome;
  }

  /** A variant that may also write the home namespace's sysctls (a CNI plugin on a real node). */
  public Sysctls allowingHome() {
    return new Sysctls(threads, true);
  }

  /** The value, without its trailing newline. */
  public String read(NetnsRef ns, SysctlKey key) {
    String operation = "read sysctl " + key + " in " + ns.describe();
    return threads.call(ns, () -> {
      try (Arena arena = Arena.ofConfined()) {
        MemorySegment errno = Libc.errnoSlot(arena);
        int fd = Libc.open(errno, key.procPath(), Linux.O_RDONLY | Linux.O_CLOEXEC, 0, arena, operation);
        try {
          MemorySegment buf = arena.allocate(4096);
          long n = Libc.read(errno, fd, buf, buf.byteSize(), operation);
          return new String(buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8).strip();
        } finally {
          Libc.close(errno, fd);
        }
      }
    });
  }

  /** Writes {@code value}; returns the previous value so a caller can undo. */
  public String write(NetnsRef ns, SysctlKey key, String value) {
    String operation = "write sysctl " + key + "=" + value + " in " + ns.describe();
    String previous = read(ns, key);
    threads.run(ns, () -> {
      if (!allowHome && NetnsId.ofCurrentThread().equals(threads.homeId())) {
        throw new PermissionDeniedException(operation + " (refused: that is the home namespace)", 1,
            Optional.of("weft writes sysctls only inside namespaces it manages"));
      }
      if (Thread.currentThread().isVirtual()) {
        throw new NamespaceThreadException(operation, "not on a namespace thread");
      }
      try (Arena arena = Arena.ofConfined()) {
        MemorySegment errno = Libc.errnoSlot(arena);
        int fd = Libc.open(errno, key.procPath(), Linux.O_WRONLY | Linux.O_CLOEXEC, 0, arena, operation);
        try {
          byte[] raw = (value + "\n").getBytes(StandardCharsets.UTF_8);
          Libc.write(errno, fd, arena.allocateFrom(ValueLayout.JAVA_BYTE, raw), raw.length, operation);
        } finally {
          Libc.close(errno, fd);
        }
      }
    });
    return previous;
  }

  /** For callers that treat a missing key (e.g. no IPv6) as absent rather than an error. */
  public Optional<String> readIfPresent(NetnsRef ns, SysctlKey key) {
    try {
      return Optional.of(read(ns, key));
    } catch (DriverException e) {
      return Optional.empty();
    }
  }
}
