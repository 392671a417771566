package dev.weft.linux.error;

import java.util.Optional;
import java.util.Set;

/** Turns an errno into the matching {@link DriverException} subclass. */
public final class DriverErrors {
  /** Link kinds that live in the kernel's GRE/IP-tunnel/Geneve modules, absent on some kernels. */
  private static final Set<String> TUNNEL_KINDS =
      Set.of("gre", "gretap", "ip6gre", "ip6gretap", "erspan", "ipip", "sit", "ip6tnl", "geneve");

  private DriverErrors() {}

  public static DriverException of(int errno, String operation) {
    return of(errno, operation, Optional.empty());
  }

  public static DriverException of(int errno, String operation, Optional<String> kernelMessage) {
    return switch (Errno.of(errno).orElse(Errno.EIO)) {
      case EEXIST -> new AlreadyExistsException(operation, errno, kernelMessage);
      case ENODEV -> new NoSuchDeviceException(operation, errno, kernelMessage);
      case ENOENT, ESRCH, EADDRNOTAVAIL -> new NotFoundException(operation, errno, kernelMessage);
      case EPERM, EACCES -> new PermissionDeniedException(operation, errno, kernelMessage);
      case EBUSY -> new DeviceBusyException(operation, errno, kernelMessage);
      case EINVAL, ERANGE -> new InvalidArgumentException(operation, errno, kernelMessage);
      case EOPNOTSUPP -> new NotSupportedException(operation, errno, kernelMessage);
      default -> new SystemCallException(operation, errno, kernelMessage);
    };
  }

  /**
   * Like {@link #of} for a link creation: EOPNOTSUPP for a tunnel kind means the kernel lacks that
   * driver, which deserves a plain "this kernel has no gre support".
   */
  public static DriverException forLinkCreation(int errno, String operation, String kind, Optional<String> kernelMessage) {
    if (errno == Errno.EOPNOTSUPP.number() && TUNNEL_KINDS.contains(kind)) {
      return new UnsupportedLinkKindException(operation, kind, errno, kernelMessage);
    }
    return of(errno, operation, kernelMessage);
  }
}
