package dev.weft.linux.error;

import java.util.Optional;

/** An address, route, neighbour, FDB entry or file does not exist (ENOENT, ESRCH, EADDRNOTAVAIL). */
public final class NotFoundException extends DriverException {
  public NotFoundException(String operation, int errno, Optional<String> kernelMessage) {
    super(operation, errno, kernelMessage);
  }
}
