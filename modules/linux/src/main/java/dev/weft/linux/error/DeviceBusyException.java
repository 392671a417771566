package dev.weft.linux.error;

import java.util.Optional;

/** The object is in use (EBUSY), e.g. a namespace still mounted or a device enslaved elsewhere. */
public final class DeviceBusyException extends DriverException {
  public DeviceBusyException(String operation, int errno, Optional<String> kernelMessage) {
    super(operation, errno, kernelMessage);
  }
}
