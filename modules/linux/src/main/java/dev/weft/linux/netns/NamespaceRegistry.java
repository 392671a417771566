package dev.weft.linux.netns;

import dev.weft.linux.error.AlreadyExistsException;
import dev.weft.linux.error.DriverErrors;
import dev.weft.linux.error.Errno;
import dev.weft.linux.error.InvalidArgumentException;
import dev.weft.linux.error.NotFoundException;
import dev.weft.linux.sys.Libc;
import dev.weft.linux.sys.Linux;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * Named network namespaces the way iproute2 keeps them, so {@code ip netns} sees ours and we see
 * theirs: each is an empty file {@code /run/netns/NAME} onto which the namespace's nsfs file is
 * bind-mounted, and {@code /run/netns} is a shared mount so the bind propagates to other mount
 * namespaces (as {@code ip netns add} arranges).
 */
public final class NamespaceRegistry {
  private final NamespaceThreads threads;
  private final Path runDir;

  public NamespaceRegistry(NamespaceThreads threads) {
    this(threads, NetnsRef.RUN_DIR);
  }

  NamespaceRegistry(NamespaceThreads threads, Path runDir) {
    this.threads = threads;
    this.runDir = runDir;
  }

  /** Creates {@code /run/netns/NAME} holding a fresh namespace (its loopback is down, as with ip). */
  public NetnsRef.Named create(NetnsName name) {
    String operation = "create namespace " + name;
    Path file = runDir.resolve(name.value());
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment errno = Libc.errnoSlot(arena);
      makeRunDirShared(errno, arena);
      int fd = Libc.open(errno, file.toString(), Linux.O_RDONLY | Linux.O_CREAT | Linux.O_EXCL | Linux.O_CLOEXEC, 0,
          arena, operation);
      Libc.close(errno, fd);
    }
    try {
      threads.callInNewNamespace(operation, () -> {
        try (Arena arena = Arena.ofConfined()) {
          MemorySegment errno = Libc.errnoSlot(arena);
          String self = "/proc/self/task/" + Libc.gettid(errno) + "/ns/net";
          Libc.mount(errno, self, file.toString(), "none", Linux.MS_BIND, arena, operation + ": bind mount");
        }
        return null;
      });
    } catch (RuntimeException e) {
      deleteQuietly(file, e);
      throw e;
    }
    return new NetnsRef.Named(name);
  }

  /** Unmounts (lazily, like ip netns del) and removes {@code /run/netns/NAME}. */
  public void delete(NetnsName name) {
    String operation = "delete namespace " + name;
    Path file = runDir.resolve(name.value());
    if (!Files.exists(file)) {
      throw new NotFoundException(operation, Errno.ENOENT.number(), java.util.Optional.empty());
    }
    try (Arena arena = Arena.ofConfined()) {
      try {
        Libc.umount2(Libc.errnoSlot(arena), file.toString(), Linux.MNT_DETACH, arena, operation + ": umount");
      } catch (InvalidArgumentException notMounted) {
        // A stale file left by a crashed creator: still remove it.
      }
    }
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw DriverErrors.of(Errno.EIO.number(), operation + ": unlink " + file + ": " + e.getMessage());
    }
  }

  /** Deletes the namespace if it exists; returns whether it did. */
  public boolean deleteIfExists(NetnsName name) {
    try {
      delete(name);
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  public boolean exists(NetnsName name) {
    return Files.exists(runDir.resolve(name.value()));
  }

  /** Every name under {@code /run/netns}, sorted, including those iproute2 or others created. */
  public List<NetnsName> list() {
    if (!Files.isDirectory(runDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(runDir)) {
      return files.map(p -> p.getFileName().toString()).map(NetnsName::of).sorted().toList();
    } catch (IOException e) {
      throw DriverErrors.of(Errno.EIO.number(), "list " + runDir + ": " + e.getMessage());
    }
  }

  /** Opens the namespace file for IFLA_NET_NS_FD or setns; the caller closes it. */
  public NetnsHandle open(NetnsName name) {
    return NetnsHandle.open(runDir.resolve(name.value()), "namespace " + name);
  }

  /** mkdir -p, then make the directory a shared mount, bind-mounting it onto itself first if needed. */
  private void makeRunDirShared(MemorySegment errno, Arena arena) {
    try {
      Files.createDirectories(runDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    } catch (IOException e) {
      throw DriverErrors.of(Errno.EIO.number(), "create " + runDir + ": " + e.getMessage());
    }
    String dir = runDir.toString();
    try {
      Libc.mount(errno, "", dir, "none", Linux.MS_SHARED | Linux.MS_REC, arena, "make " + dir + " shared");
    } catch (InvalidArgumentException notAMountPoint) {
      Libc.mount(errno, dir, dir, "none", Linux.MS_BIND | Linux.MS_REC, arena, "bind " + dir + " onto itself");
      Libc.mount(errno, "", dir, "none", Linux.MS_SHARED | Linux.MS_REC, arena, "make " + dir + " shared");
    }
  }

  private static void deleteQuietly(Path file, RuntimeException cause) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  /** For callers that want AlreadyExists to mean success. */
  public NetnsRef.Named createIfAbsent(NetnsName name) {
    try {
      return create(name);
    } catch (AlreadyExistsException e) {
      return new NetnsRef.Named(name);
    }
  }
}
