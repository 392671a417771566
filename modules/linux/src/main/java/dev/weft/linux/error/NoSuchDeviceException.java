package dev.weft.linux.error;

import java.util.Optional;

/** A named or indexed link does not exist (ENODEV). */
public final class NoSuchDeviceException extends DriverException {
  public NoSuchDeviceException(String operation, int errno, Optional<String> kernelMessage) {
    super(operation, errno, kernelMessage);
  }
}
