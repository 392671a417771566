package dev.weft.linux.error;

import java.util.Optional;

/** The kernel rejected an attribute (EINVAL, ERANGE); the kernel message usually names it. */
public final class InvalidArgumentException extends DriverException {
  public InvalidArgumentException(String operation, int errno, Optional<String> kernelMessage) {
    super(operation, errno, kernelMessage);
  }
}
