package dev.weft.linux.error;

import java.util.Optional;

/** The kernel does not support the operation or object kind (EOPNOTSUPP). */
public sealed class NotSupportedException extends DriverException permits UnsupportedLinkKindException {
  public NotSupportedException(String operation, int errno, Optional<String> kernelMessage) {
    super(operation, errno, kernelMessage);
  }

  NotSupportedException(String operation, int errno, Optional<String> kernelMessage, String message) {
    super(operation, errno, kernelMessage, message);
  }
}
