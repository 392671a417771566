package dev.weft.linux.error;

import java.util.Optional;

/** The caller lacks the privilege (EPERM, EACCES); the driver needs root or CAP_NET_ADMIN + CAP_SYS_ADMIN. */
public final class PermissionDeniedException extends DriverException {
  public PermissionDeniedException(String operation, int errno, Optional<String> kernelMessage) {
    super(operation, errno, kernelMessage);
  }
}
