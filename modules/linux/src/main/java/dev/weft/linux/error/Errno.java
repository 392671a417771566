package dev.weft.linux.error;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Linux errno values the driver names (x86-64 / generic numbering, which arm64 shares). Anything
 * else is kept as its number by {@link DriverException#errno()}.
 */
public enum Errno {
  EPERM(1, "operation not permitted"),
  ENOENT(2, "no such file or directory"),
  ESRCH(3, "no such process or entry"),
  EINTR(4, "interrupted system call"),
  EIO(5, "input/output error"),
  ENXIO(6, "no such device or address"),
  EBADF(9, "bad file descriptor"),
  EAGAIN(11, "resource temporarily unavailable"),
  ENOMEM(12, "out of memory"),
  EACCES(13, "permission denied"),
  EFAULT(14, "bad address"),
  EBUSY(16, "device or resource busy"),
  EEXIST(17, "file exists"),
  EXDEV(18, "invalid cross-device link"),
  ENODEV(19, "no such device"),
  ENOTDIR(20, "not a directory"),
  EINVAL(22, "invalid argument"),
  EMFILE(24, "too many open files"),
  ENOSPC(28, "no space left on device"),
  ERANGE(34, "numerical result out of range"),
  ENAMETOOLONG(36, "file name too long"),
  ENOSYS(38, "function not implemented"),
  ENOTEMPTY(39, "directory not empty"),
  EPROTO(71, "protocol error"),
  EMSGSIZE(90, "message too long"),
  EPROTONOSUPPORT(93, "protocol not supported"),
  EOPNOTSUPP(95, "operation not supported"),
  EAFNOSUPPORT(97, "address family not supported"),
  EADDRINUSE(98, "address already in use"),
  EADDRNOTAVAIL(99, "cannot assign requested address"),
  ENETDOWN(100, "network is down"),
  ENETUNREACH(101, "network is unreachable"),
  ENOBUFS(105, "no buffer space available"),
  EHOSTUNREACH(113, "no route to host");

  private static final Map<Integer, Errno> BY_NUMBER =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Errno::number, Function.identity()));

  private final int number;
  private final String description;

  Errno(int number, String description) {
    this.number = number;
    this.description = description;
  }

  public int number() {
    return number;
  }

  public String description() {
    return description;
  }

  /** The named errno for {@code number}, if the driver knows it. */
  public static java.util.Optional<Errno> of(int number) {
    return java.util.Optional.ofNullable(BY_NUMBER.get(number));
  }

  /** "EEXIST (file exists)" for known values, "errno 123" otherwise. */
  public static String describe(int number) {
    return of(number).map(e -> e.name() + " (" + e.description + ")").orElse("errno " + number);
  }
}
