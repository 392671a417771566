package dev.weft.linux.error;

import java.util.Optional;

/** The object already exists (EEXIST). */
public final class AlreadyExistsException extends DriverException {
  public AlreadyExistsException(String operation, int errno, Optional<String> kernelMessage) {
    super(operation, errno, kernelMessage);
  }
}
