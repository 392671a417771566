package dev.weft.lab.probe;

import dev.weft.linux.error.Errno;

/** A socket call failed; {@code errno} says why ("EHOSTUNREACH (no route to host)" in the message). */
public final class SocketError extends RuntimeException {
  private final int errno;

  public SocketError(String operation, int errno) {
    super(operation + ": " + Errno.describe(errno), null, false, false);
    this.errno = errno;
  }

  public int errno() {
    return errno;
  }

  /** The symbolic name, such as EHOSTUNREACH, or "errno N". */
  public String name() {
    return Errno.of(errno).map(Enum::name).orElse("errno " + errno);
  }
}
