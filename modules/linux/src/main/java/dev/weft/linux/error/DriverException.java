package dev.weft.linux.error;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A failure of a driver operation. The message names the operation ("create link wt1a (veth) in
 * namespace wtns1"), the errno, and the kernel's extended-ack text when it sent one.
 */
public abstract sealed class DriverException extends RuntimeException
    permits AlreadyExistsException,
        NoSuchDeviceException,
        NotFoundException,
        PermissionDeniedException,
        DeviceBusyException,
        InvalidArgumentException,
        NotSupportedException,
        SystemCallException,
        NetfilterApplyException,
        NamespaceThreadException,
        RollbackException {

  private final String operation;
  private final int errno;
  private final Optional<String> kernelMessage;

  DriverException(String operation, int errno, Optional<String> kernelMessage, String message) {
    super(message);
    this.operation = operation;
    this.errno = errno;
    this.kernelMessage = kernelMessage;
  }

  DriverException(String operation, int errno, Optional<String> kernelMessage) {
    this(operation, errno, kernelMessage, standardMessage(operation, errno, kernelMessage));
  }

  static String standardMessage(String operation, int errno, Optional<String> kernelMessage) {
    StringBuilder sb = new StringBuilder(operation).append(" failed");
    if (errno != 0) {
      sb.append(": ").append(Errno.describe(errno));
    }
    kernelMessage.ifPresent(m -> sb.append(" (kernel says: ").append(m).append(')'));
    return sb.toString();
  }

  /** What the driver was doing, in words. */
  public String operation() {
    return operation;
  }

  /** The errno, when the failure came from the kernel. */
  public OptionalInt errno() {
    return errno == 0 ? OptionalInt.empty() : OptionalInt.of(errno);
  }

  /** The kernel's extended-ack message (NLMSGERR_ATTR_MSG), when it sent one. */
  public Optional<String> kernelMessage() {
    return kernelMessage;
  }
}
