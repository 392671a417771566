package dev.weft.linux.error;

import java.util.Optional;

/**
 * Namespace entry was misused or could not be undone: setns from a virtual thread, or a thread that
 * could not return to its original namespace (that thread is then retired, never reused).
 */
public final class NamespaceThreadException extends DriverException {
  public NamespaceThreadException(String operation, String message) {
    super(operation, 0, Optional.empty(), operation + " failed: " + message);
  }
}
