package dev.weft.linux.netns;

import dev.weft.linux.error.DriverErrors;
import dev.weft.linux.error.Errno;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The identity of a network namespace: the inode of its nsfs file, as in {@code net:[4026531840]}. Two
 * paths name the same namespace exactly when their ids are equal.
 */
public record NetnsId(long inode) {

  private static final Path THREAD_SELF = Path.of("/proc/thread-self/ns/net");

  /** The namespace of the calling OS thread (not the process's main thread). */
  public static NetnsId ofCurrentThread() {
    return of(THREAD_SELF);
  }

  /** The namespace a namespace file (or a /proc/.../ns/net link) refers to. */
  public static NetnsId of(Path nsFile) {
    try {
      return new NetnsId(((Number) Files.getAttribute(nsFile, "unix:ino")).longValue());
    } catch (NoSuchFileException e) {
      throw DriverErrors.of(Errno.ENOENT.number(), "stat " + nsFile);
    } catch (IOException e) {
      throw DriverErrors.of(Errno.EIO.number(), "stat " + nsFile + ": " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "net:[" + inode + "]";
  }
}
