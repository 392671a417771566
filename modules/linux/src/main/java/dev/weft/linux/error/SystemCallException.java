package dev.weft.linux.error;

import java.util.Optional;

/** Any other errno from a system call or netlink request. */
public final class SystemCallException extends DriverException {
  public SystemCallException(String operation, int errno, Optional<String> kernelMessage) {
    super(operation, errno, kernelMessage);
  }
}
