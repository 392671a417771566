package dev.weft.linux.netlink;

import dev.weft.linux.error.DriverErrors;
import dev.weft.linux.error.DriverException;
import java.util.Optional;

/** Turns a netlink errno (positive) and the kernel's extended-ack text into the exception to throw. */
@FunctionalInterface
public interface ErrorMapper {
  DriverException map(int errno, Optional<String> kernelMessage);

  /** The standard mapping of {@link DriverErrors#of}, with {@code operation} in the message. */
  static ErrorMapper forOperation(String operation) {
    return (errno, message) -> DriverErrors.of(errno, operation, message);
  }
}
